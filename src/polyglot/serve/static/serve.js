// polyglot serve: send the text or file to /api/view, show what changed and why.
// Everything is built with textContent: the text and the reasons are never parsed as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const message = (key) => {
    const found = document.querySelector(`#messages [data-key="${key}"]`);
    return found ? found.textContent : key;
  };
  const element = (tag, attributes = {}, ...children) => {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
    for (const child of children) made.append(child);
    return made;
  };
  let taken = { text: "", name: "polyglot.txt", file: null };
  let file = null;

  const place = (line, column) =>
    message("place").replace("{line}", String(line)).replace("{column}", String(column));

  function why(change) {
    return change.reasons.concat(change.evidence).join(" — ");
  }

  function showParagraphs(view) {
    const box = $("paragraphs");
    box.replaceChildren();
    for (const paragraph of view.paragraphs) {
      const input = element("div", { class: "in", lang: "my" });
      const output = element("div", { class: "out", lang: "my" });
      paragraph.input.forEach((line, index) => {
        if (index) input.append(element("br"));
        input.append(line);
      });
      paragraph.output.forEach((stretches, index) => {
        if (index) output.append(element("br"));
        for (const stretch of stretches) {
          if (stretch.change === undefined) {
            output.append(stretch.text);
            continue;
          }
          const change = view.changes[stretch.change];
          const mark = element("mark", {
            tabindex: "0",
            title: why(change),
            "data-change": String(stretch.change),
            class: change.kinds.map((kind) => `kind-${kind}`).join(" "),
          }, stretch.text);
          const tip = element("span", { class: "tip", lang: "en", role: "tooltip" }, why(change));
          mark.append(tip);
          output.append(mark);
        }
      });
      const verdict = element(
        "p",
        { class: `verdict verdict-${paragraph.verdict}` },
        element("strong", {}, message(`verdict-${paragraph.verdict}`)),
        " ",
        message(`why-${paragraph.verdict}`),
      );
      if (paragraph.why) verdict.append(" ", element("span", { lang: "en", class: "evidence" }, `(${paragraph.why})`));
      if (paragraph.verdict === "zawgyi" || paragraph.verdict === "mixed") {
        verdict.append(" ", element("span", { class: "note" }, message("zawgyi-reading")));
      }
      const where = paragraph.where ? element("p", { class: "where", lang: "en" }, paragraph.where) : "";
      box.append(element("div", { class: "pair" }, element("div", {}, where, input, verdict), output));
    }
  }

  function showChanges(view) {
    const list = $("changes");
    list.replaceChildren();
    view.changes.forEach((change, index) => {
      const kinds = change.kinds.map((kind) => message(`kind-${kind}`)).join(", ");
      const left = change.context[0] ? `… ${change.context[0]} ` : "";
      const right = change.context[1] ? ` ${change.context[1]} …` : "";
      const word = element("span", { lang: "my", class: "context" }, left, element("mark", {}, change.after), right);
      const item = element(
        "li",
        { id: `change-${index}` },
        element("span", { class: "place" }, place(change.line, change.column)),
        " ",
        element("span", { class: "kinds" }, kinds),
        " ",
        element("span", { lang: "my", class: "before" }, change.before),
        " → ",
        word,
        element("p", { lang: "en", class: "why" }, why(change)),
      );
      list.append(item);
    });
    if (!view.changes.length) list.append(element("li", {}, message("clean")));
  }

  function showProblems(view) {
    const list = $("problems");
    list.replaceChildren();
    for (const problem of view.problems) {
      const hint = problem.suggestion ? ` (${problem.suggestion})` : "";
      list.append(
        element(
          "li",
          {},
          element("span", { class: "place" }, place(problem.line, problem.column)),
          " ",
          element("span", { lang: "en" }, `[${problem.code}] ${problem.message}${hint}`),
        ),
      );
    }
    if (!view.problems.length) list.append(element("li", {}, message("none")));
  }

  async function run(event) {
    event.preventDefault();
    const to = document.querySelector('input[name="to"]:checked').value;
    $("status").textContent = message("working");
    let response;
    if (file) {
      const url = `/api/view?to=${encodeURIComponent(to)}&name=${encodeURIComponent(file.name)}`;
      const type = file.type.startsWith("text/plain") ? "text/plain" : "application/octet-stream";
      response = await fetch(url, { method: "POST", headers: { "Content-Type": type }, body: file });
    } else {
      response = await fetch("/api/view", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: $("text").value, to }),
      });
    }
    const body = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      $("status").textContent = `${message("failed")} ${body.error || response.status}`;
      return;
    }
    $("status").textContent = "";
    const named = body.download === "<stdin>" ? "polyglot.txt" : body.download;
    taken = { text: body.text ?? null, name: named, file: body.file ?? null };
    $("copy").hidden = taken.text === null;
    $("zawgyi-note").hidden = body.to !== "zawgyi";
    showParagraphs(body);
    showChanges(body);
    showProblems(body);
    $("result").hidden = false;
    $("result").scrollIntoView();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(taken.text);
    } catch {
      // Not a secure context (an office address over http): the older way still works.
      const area = element("textarea", {}, taken.text);
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    $("status").textContent = message("copied");
  }

  function download() {
    let blob;
    let name = taken.name;
    if (taken.file) {
      // A document comes back as its bytes (base64 in the JSON), under its own name.
      const bytes = Uint8Array.from(atob(taken.file.data), (c) => c.charCodeAt(0));
      blob = new Blob([bytes], { type: taken.file.type });
      name = taken.file.name;
    } else {
      blob = new Blob([taken.text], { type: "text/plain;charset=utf-8" });
    }
    const url = URL.createObjectURL(blob);
    const link = element("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function choose(chosen) {
    file = chosen || null;
    if (file) $("text").value = "";
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("input").addEventListener("submit", run);
    $("copy").addEventListener("click", copy);
    $("download").addEventListener("click", download);
    $("file").addEventListener("change", (event) => choose(event.target.files[0]));
    $("text").addEventListener("input", () => choose(null));
    const drop = document.body;
    drop.addEventListener("dragover", (event) => event.preventDefault());
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      if (event.dataTransfer.files.length) {
        choose(event.dataTransfer.files[0]);
        $("input").requestSubmit();
      }
    });
  });
})();
