/* pmo-check task pane for Word and Excel: reads the open document, posts it to the service, lists the
 * findings and takes the user to each one. Plain JavaScript, no build step; Office.js comes from
 * Microsoft's CDN (taskpane.html). Every optional API is checked with isSetSupported at run time, so
 * one manifest loads in both hosts. */
(function () {
  "use strict";

  var SEVERITIES = ["blocker", "major", "minor", "info"];
  var SLICE = 4 * 1024 * 1024; // the largest slice getFileAsync allows
  var TEXT = {
    en: {
      checking: "Reading and checking the document…", recheck: "Check again", comments: "Insert as comments",
      notes: "Insert as notes", signIn: "Sign in", notSignedIn: "Sign in with your work account to check documents.",
      tooLarge: "The document is too large to check (limit {limit} MB).",
      unreachable: "The PMO Check service cannot be reached. Check your network and try again.",
      notPmo: "This does not look like a PMO document (no document type recognised), so it has no score.",
      unreadable: "The document could not be checked: {message}", noFindings: "No findings: the document meets the standard.",
      failed: "The check failed: {message}", score: "Score", findings: "{n} findings", filtered: "{n} of {m} findings shown",
      all: "all", minorUp: "minor and above", majorUp: "major and above", blockers: "blockers",
      blocker: "blocker", major: "major", minor: "minor", info: "info", general: "General",
      skeleton: "Insert missing sections", inserted: "{n} comments inserted.", insertedNotes: "{n} notes inserted.",
      skeletonDone: "{n} section headings inserted at the end of the document.", placeholder: "[To be completed]",
      noComments: "This version of Office cannot insert comments from an add-in.", notFound: "That place is no longer in the document.",
      unsupportedHost: "Open this pane in Word or Excel.", needsReview: "needs review", config: "Configuration"
    },
    zh: {
      checking: "正在读取并检查文档…", recheck: "重新检查", comments: "插入为批注", notes: "插入为注释",
      signIn: "登录", notSignedIn: "请使用工作帐户登录后检查文档。", tooLarge: "文档过大，无法检查（上限 {limit} MB）。",
      unreachable: "无法连接 PMO 检查服务，请检查网络后重试。", notPmo: "未识别出文档类型，这似乎不是 PMO 文档，因此没有得分。",
      unreadable: "无法检查该文档：{message}", noFindings: "没有发现问题：文档符合标准。", failed: "检查失败：{message}",
      score: "得分", findings: "{n} 个问题", filtered: "显示 {n} / {m} 个问题", all: "全部", minorUp: "次要及以上",
      majorUp: "主要及以上", blockers: "阻断", blocker: "阻断", major: "主要", minor: "次要", info: "提示",
      general: "总体", skeleton: "插入缺少的章节", inserted: "已插入 {n} 条批注。", insertedNotes: "已插入 {n} 条注释。",
      skeletonDone: "已在文档末尾插入 {n} 个章节标题。", placeholder: "【待补充】",
      noComments: "此版本的 Office 不支持由加载项插入批注。", notFound: "文档中已找不到该位置。",
      unsupportedHost: "请在 Word 或 Excel 中打开此窗格。", needsReview: "需人工判断", config: "配置"
    }
  };

  var body = document.body;
  var signInMode = body.getAttribute("data-sign-in");
  var maxUpload = Number(body.getAttribute("data-max-upload"));
  var lang = "en";
  var host = null;
  var report = null;
  var busy = false;

  function t(key, args) {
    var text = (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
    Object.keys(args || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(args[k])); });
    return text;
  }

  function $(id) { return document.getElementById(id); }

  function setState(message, problem) {
    var el = $("state");
    el.textContent = message || "";
    el.className = problem ? "problem" : "";
  }

  function supported(set, version) {
    try { return Office.context.requirements.isSetSupported(set, version); } catch (e) { return false; }
  }

  // ------------------------------------------------------------------ reading the document

  function readDocument() {
    return new Promise(function (resolve, reject) {
      Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, function (result) {
        if (result.status !== Office.AsyncResultStatus.Succeeded) { reject(new Error(result.error.message)); return; }
        var file = result.value;
        if (maxUpload && file.size > maxUpload) {
          file.closeAsync(function () {});
          reject({ state: "tooLarge" });
          return;
        }
        var slices = new Array(file.sliceCount);
        var received = 0;
        var failed = false;
        function next(index) {
          file.getSliceAsync(index, function (sliceResult) {
            if (failed) { return; }
            if (sliceResult.status !== Office.AsyncResultStatus.Succeeded) {
              failed = true;
              file.closeAsync(function () {});
              reject(new Error(sliceResult.error.message));
              return;
            }
            slices[index] = new Uint8Array(sliceResult.value.data);
            received += 1;
            if (received === file.sliceCount) {
              file.closeAsync(function () {}); // at most two files may be open: always close
              resolve(new Blob(slices));
            } else {
              next(index + 1);
            }
          });
        }
        if (file.sliceCount === 0) { file.closeAsync(function () {}); resolve(new Blob([])); } else { next(0); }
      });
    });
  }

  function fileName() {
    var url = (Office.context.document && Office.context.document.url) || "";
    var name = decodeURIComponent(url.split(/[\\/]/).pop() || "").split("?")[0];
    var ext = host === Office.HostType.Excel ? ".xlsx" : ".docx";
    if (!/\.(docx|docm|xlsx|xlsm)$/i.test(name)) { name = (name || "document") + ext; }
    return name;
  }

  // ------------------------------------------------------------------ talking to the service

  function token() {
    if (signInMode === "none") { return Promise.resolve(null); }
    if (!Office.auth || !supported("IdentityAPI", "1.3")) { return Promise.reject({ state: "notSignedIn" }); }
    return Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true })
      .catch(function () { throw { state: "notSignedIn" }; });
  }

  function call(path, options) {
    return token().then(function (bearer) {
      options = options || {};
      options.headers = options.headers || {};
      if (bearer) { options.headers.Authorization = "Bearer " + bearer; }
      return fetch(path, options).catch(function () { throw { state: "unreachable" }; });
    }).then(function (response) {
      if (response.status === 401) { throw { state: "notSignedIn" }; }
      if (response.status === 413) { throw { state: "tooLarge" }; }
      return response.json().catch(function () { throw { state: "unreachable" }; }).then(function (data) {
        if (!response.ok) { throw { state: "failed", message: (data.error && data.error.message) || response.status }; }
        return data;
      });
    });
  }

  function loadConfigs() {
    return call("/api/v1/configs").then(function (data) {
      var select = $("config");
      select.innerHTML = "";
      data.configs.forEach(function (c) {
        var option = document.createElement("option");
        option.value = c.name;
        option.textContent = c.name;
        select.appendChild(option);
      });
      var saved = window.localStorage && localStorage.getItem("pmo-check-config");
      select.value = saved && data.configs.some(function (c) { return c.name === saved; }) ? saved : data["default"];
      select.hidden = data.configs.length < 2;
    }).catch(function () { /* the check itself reports the problem */ });
  }

  function check() {
    if (busy) { return; }
    busy = true;
    $("recheck").disabled = true;
    $("comments").disabled = true;
    $("sign-in").hidden = true;
    setState(t("checking"));
    readDocument().then(function (blob) {
      var form = new FormData();
      form.append("file", blob, fileName());
      if ($("config").value) { form.append("config", $("config").value); }
      return call("/api/v1/check", { method: "POST", body: form });
    }).then(function (data) {
      report = data;
      render();
    }).catch(function (problem) {
      report = null;
      render();
      showProblem(problem);
    }).then(function () {
      busy = false;
      $("recheck").disabled = false;
    });
  }

  function showProblem(problem) {
    var state = (problem && problem.state) || "failed";
    var message = (problem && (problem.message || (problem instanceof Error && problem.message))) || "";
    if (state === "notSignedIn") { $("sign-in").hidden = false; }
    setState(t(state, { limit: Math.round(maxUpload / 1e6), message: message }), true);
  }

  // ------------------------------------------------------------------ showing the findings

  function entry() { return report && report.documents && report.documents[0]; }

  function visibleFindings() {
    var doc = entry();
    if (!doc) { return []; }
    var floor = SEVERITIES.indexOf($("severity").value);
    return doc.findings.filter(function (f) { return !f.suppressed && SEVERITIES.indexOf(f.severity) <= floor; });
  }

  function sectionOf(f) {
    var loc = f.location || {};
    return loc.heading || loc.sheet || t("general");
  }

  function render() {
    var list = $("findings");
    list.innerHTML = "";
    var doc = entry();
    $("summary").hidden = !doc || doc.score === null || doc.score === undefined;
    if (!doc) { return; }
    if (doc.error) {
      setState(doc.error.code === "too-large" ? t("tooLarge", { limit: Math.round(maxUpload / 1e6) })
        : t("unreadable", { message: doc.error.message }), true);
      return;
    }
    if (doc.doc_type === "UNKNOWN") { setState(t("notPmo"), true); return; }
    var score = $("score");
    score.textContent = t("score") + " " + Math.round(doc.score);
    score.className = doc.score >= 85 ? "good" : doc.score >= 60 ? "fair" : "poor";
    $("doc-type").textContent = doc.doc_type.replace(/_/g, " ");
    var all = doc.findings.filter(function (f) { return !f.suppressed; });
    var shown = visibleFindings();
    setState(all.length === 0 ? t("noFindings") : shown.length === all.length ? t("findings", { n: all.length })
      : t("filtered", { n: shown.length, m: all.length }));
    $("comments").disabled = shown.length === 0;
    SEVERITIES.forEach(function (severity) {
      var group = shown.filter(function (f) { return f.severity === severity; });
      if (!group.length) { return; }
      var box = document.createElement("section");
      box.className = "group " + severity;
      var h = document.createElement("h2");
      h.textContent = t(severity) + " (" + group.length + ")";
      box.appendChild(h);
      var sections = [];
      group.forEach(function (f) { if (sections.indexOf(sectionOf(f)) < 0) { sections.push(sectionOf(f)); } });
      sections.forEach(function (name) {
        var label = document.createElement("div");
        label.className = "section";
        label.textContent = name;
        box.appendChild(label);
        group.filter(function (f) { return sectionOf(f) === name; }).forEach(function (f) { box.appendChild(findingItem(f)); });
      });
      list.appendChild(box);
    });
  }

  function findingItem(f) {
    var item = document.createElement("button");
    item.type = "button";
    item.className = "finding " + f.severity;
    item.setAttribute("data-rule", f.rule);
    var rule = document.createElement("span");
    rule.className = "rule";
    rule.textContent = f.rule + (f.needs_review ? " · " + t("needsReview") : "");
    item.appendChild(rule);
    item.appendChild(document.createTextNode(f.message));
    if (f.suggestion) {
      var hint = document.createElement("span");
      hint.className = "suggestion";
      hint.textContent = f.suggestion;
      item.appendChild(hint);
    }
    item.addEventListener("click", function () { goTo(f); });
    if (f.missing_sections && f.missing_sections.length && host === Office.HostType.Word) {
      var add = document.createElement("button");
      add.type = "button";
      add.className = "skeleton";
      add.textContent = t("skeleton");
      add.addEventListener("click", function (event) { event.stopPropagation(); insertSkeleton(f.missing_sections); });
      item.appendChild(document.createElement("br"));
      item.appendChild(add);
    }
    return item;
  }

  // ------------------------------------------------------------------ places in the document

  /* The Word range of a finding: its snippet found by search, else the paragraph by index (the
   * report counts body paragraphs outside tables), else the table cell; null without a location. */
  function wordRange(context, loc) {
    var body = context.document.body;
    var search = null;
    if (loc.text) {
      search = body.search(loc.text.slice(0, 255), { matchCase: true });
      search.load("items");
    }
    var paragraphs = body.paragraphs;
    paragraphs.load("items/tableNestingLevel");
    return context.sync().then(function () {
      if (search && search.items.length) { return search.items[0]; }
      if (typeof loc.paragraph === "number") {
        var outside = paragraphs.items.filter(function (p) { return !p.tableNestingLevel; });
        if (outside[loc.paragraph]) { return outside[loc.paragraph]; }
      }
      if (typeof loc.table === "number") {
        var tables = body.tables;
        tables.load("items");
        return context.sync().then(function () {
          var table = tables.items[loc.table];
          return table ? table.getCell(loc.row || 0, loc.col || 0).body : null;
        });
      }
      return null;
    });
  }

  function excelCell(loc) {
    // A whole row (5:5) or column (E:E) is shown from its first cell.
    var cell = String(loc.cell || "A1");
    var row = /^(\d+):\d+$/.exec(cell);
    var col = /^([A-Z]+):[A-Z]+$/i.exec(cell);
    return row ? "A" + row[1] : col ? col[1] + "1" : cell.split(":")[0];
  }

  function goTo(f) {
    var loc = f.location || {};
    if (host === Office.HostType.Excel) {
      if (!loc.sheet) { return; }
      Excel.run(function (context) {
        var sheet = context.workbook.worksheets.getItem(loc.sheet);
        sheet.activate();
        sheet.getRange(excelCell(loc)).select();
        return context.sync();
      }).catch(function () { setState(t("notFound"), true); });
      return;
    }
    Word.run(function (context) {
      return wordRange(context, loc).then(function (range) {
        if (!range) { throw new Error("no place"); }
        range.select();
        return context.sync();
      });
    }).catch(function () { setState(t("notFound"), true); });
  }

  function commentText(f) { return "pmo-check " + f.rule + " (" + t(f.severity) + "): " + f.message; }

  function insertComments() {
    var findings = visibleFindings();
    if (host === Office.HostType.Excel) {
      var notes = supported("ExcelApi", "1.18");
      if (!notes && !supported("ExcelApi", "1.10")) { setState(t("noComments"), true); return; }
      Excel.run(function (context) {
        var count = 0;
        findings.forEach(function (f) {
          var loc = f.location || {};
          var address = (loc.sheet ? "'" + loc.sheet.replace(/'/g, "''") + "'!" : "") + excelCell(loc);
          if (notes) { context.workbook.notes.add(address, commentText(f)); } else { context.workbook.comments.add(address, commentText(f)); }
          count += 1;
        });
        return context.sync().then(function () { setState(t(notes ? "insertedNotes" : "inserted", { n: count })); });
      }).catch(function (e) { setState(t("failed", { message: e.message }), true); });
      return;
    }
    if (!supported("WordApi", "1.4")) { setState(t("noComments"), true); return; }
    Word.run(function (context) {
      var count = 0;
      var chain = Promise.resolve();
      findings.forEach(function (f) {
        chain = chain.then(function () {
          return wordRange(context, f.location || {}).then(function (range) {
            (range || context.document.body.paragraphs.getFirst()).insertComment(commentText(f));
            count += 1;
          });
        });
      });
      return chain.then(function () { return context.sync(); }).then(function () { setState(t("inserted", { n: count })); });
    }).catch(function (e) { setState(t("failed", { message: e.message }), true); });
  }

  function insertSkeleton(sections) {
    Word.run(function (context) {
      var body = context.document.body;
      sections.forEach(function (name) {
        var heading = body.insertParagraph(name, "End");
        heading.styleBuiltIn = "Heading1";
        var text = body.insertParagraph(t("placeholder"), "End");
        text.styleBuiltIn = "Normal";
      });
      return context.sync().then(function () { setState(t("skeletonDone", { n: sections.length })); });
    }).catch(function (e) { setState(t("failed", { message: e.message }), true); });
  }

  // ------------------------------------------------------------------ start

  function localise() {
    $("recheck").textContent = t("recheck");
    $("comments").textContent = host === Office.HostType.Excel ? t("notes") : t("comments");
    $("sign-in").textContent = t("signIn");
    $("config").setAttribute("aria-label", t("config"));
    var labels = { info: "all", minor: "minorUp", major: "majorUp", blocker: "blockers" };
    Array.prototype.forEach.call($("severity").options, function (o) { o.textContent = t(labels[o.value]); });
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    $("footer").textContent = "pmo-check " + body.getAttribute("data-version");
  }

  Office.onReady(function (info) {
    host = info.host;
    lang = /^zh/i.test((Office.context && Office.context.displayLanguage) || "") ? "zh" : "en";
    localise();
    if (host !== Office.HostType.Word && host !== Office.HostType.Excel) { setState(t("unsupportedHost"), true); return; }
    $("recheck").addEventListener("click", check);
    $("sign-in").addEventListener("click", check);
    $("comments").addEventListener("click", insertComments);
    $("severity").addEventListener("change", render);
    $("config").addEventListener("change", function () {
      if (window.localStorage) { localStorage.setItem("pmo-check-config", $("config").value); }
      check();
    });
    loadConfigs().then(check);
  });
})();
