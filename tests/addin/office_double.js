/* A test double of Office.js for the task pane, served instead of Microsoft's CDN script.
 * window.__double (set by the test before the page loads) holds the host, the document's bytes in
 * base64, its paragraphs (text and table nesting level, as Word's body.paragraphs lists them), the
 * display language and the access token. Every selection, comment, note and inserted paragraph is
 * recorded in window.__office.log for the test to read. */
(function () {
  "use strict";
  var D = window.__double;
  var log = [];
  window.__office = { log: log };

  function bytes() {
    var raw = atob(D.base64);
    var out = new Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }

  var Office = {
    HostType: { Word: "Word", Excel: "Excel" },
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      displayLanguage: D.language || "en-US",
      document: {
        url: D.url,
        getFileAsync: function (type, options, callback) {
          var data = bytes();
          var size = options.sliceSize;
          var count = Math.ceil(data.length / size);
          var closed = false;
          var file = {
            size: D.size || data.length,
            sliceCount: count,
            getSliceAsync: function (index, cb) {
              log.push({ op: "slice", index: index });
              setTimeout(function () { cb({ status: "succeeded", value: { data: data.slice(index * size, (index + 1) * size), index: index } }); }, 0);
            },
            closeAsync: function (cb) { closed = true; log.push({ op: "close" }); if (cb) { cb({ status: "succeeded" }); } }
          };
          log.push({ op: "getFile", type: type, sliceSize: size });
          setTimeout(function () { callback({ status: "succeeded", value: file }); }, 0);
        }
      },
      requirements: {
        isSetSupported: function (name, version) {
          return (D.supported || []).indexOf(name + " " + version) >= 0;
        }
      }
    },
    auth: {
      getAccessToken: function () {
        log.push({ op: "getAccessToken" });
        return D.token ? Promise.resolve(D.token) : Promise.reject({ code: 13001 });
      }
    },
    onReady: function (callback) {
      var info = { host: D.host, platform: "OfficeOnline" };
      setTimeout(function () { if (callback) { callback(info); } }, 0);
      return Promise.resolve(info);
    }
  };

  // ---------------------------------------------------------------- Word

  function paragraphRange(index) {
    var p = D.paragraphs[index];
    return {
      text: p.text, tableNestingLevel: p.level,
      select: function () { log.push({ op: "select", paragraph: index }); },
      insertComment: function (text) { log.push({ op: "comment", paragraph: index, text: text }); }
    };
  }

  function wordContext() {
    var inserted = [];
    var body = {
      paragraphs: {
        items: D.paragraphs.map(function (p, i) { return paragraphRange(i); }),
        load: function () {},
        getFirst: function () { return paragraphRange(0); }
      },
      tables: { items: [], load: function () {} },
      search: function (text, options) {
        var items = [];
        D.paragraphs.forEach(function (p, i) { if (p.text.indexOf(text) >= 0) { items.push(paragraphRange(i)); } });
        log.push({ op: "search", text: text, matchCase: !!(options && options.matchCase) });
        return { items: items, load: function () {} };
      },
      insertParagraph: function (text, where) {
        var entry = { op: "insertParagraph", text: text, where: where, style: null };
        log.push(entry);
        var paragraph = {};
        Object.defineProperty(paragraph, "styleBuiltIn", { set: function (v) { entry.style = v; } });
        inserted.push(paragraph);
        return paragraph;
      }
    };
    return { document: { body: body }, sync: function () { return Promise.resolve(); } };
  }

  var Word = { run: function (batch) { return Promise.resolve().then(function () { return batch(wordContext()); }); } };

  // ---------------------------------------------------------------- Excel

  function excelContext() {
    var workbook = {
      worksheets: {
        getItem: function (name) {
          return {
            activate: function () { log.push({ op: "activate", sheet: name }); },
            getRange: function (address) { return { select: function () { log.push({ op: "select", sheet: name, cell: address }); } }; }
          };
        }
      },
      notes: { add: function (address, text) { log.push({ op: "note", address: address, text: text }); } },
      comments: { add: function (address, text) { log.push({ op: "comment", address: address, text: text }); } }
    };
    return { workbook: workbook, sync: function () { return Promise.resolve(); } };
  }

  var Excel = { run: function (batch) { return Promise.resolve().then(function () { return batch(excelContext()); }); } };

  window.Office = Office;
  window.Word = Word;
  window.Excel = Excel;
})();
