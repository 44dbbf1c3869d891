// The query page: loads a named query into the editor, posts the editor's query to /sparql and shows the
// answer (a table for SELECT, a sentence for ASK, the Turtle text for CONSTRUCT and DESCRIBE).
"use strict";

(function () {
  const app = document.getElementById("query-app");
  const editor = document.getElementById("editor");
  const status = document.getElementById("status");
  const errorBox = document.getElementById("error");
  const results = document.getElementById("results");
  const run = document.getElementById("run");
  const base = app.dataset.base;

  function element(name, text, attributes) {
    const node = document.createElement(name);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    return node;
  }

  // An IRI as a link: a local link for an IRI under the base, else the IRI itself.
  function iriLink(iri) {
    const local = iri.startsWith(base) ? "/" + iri.slice(base.length) : null;
    const shown = local ? local.replace(/^\/id\//, "") : iri;
    const link = element("a", shown, { href: local || iri, title: iri });
    link.className = local ? "iri local" : "iri external";
    return link;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      td.appendChild(iriLink(term.value));
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      const text = element("span", term.value);
      if (term["xml:lang"]) {
        text.setAttribute("lang", term["xml:lang"]);
        td.appendChild(text);
        td.appendChild(document.createTextNode(" "));
        td.appendChild(element("small", "@" + term["xml:lang"], { class: "tag" }));
      } else {
        td.appendChild(text);
      }
    }
    return td;
  }

  function table(json) {
    const vars = json.head.vars;
    const rows = json.results.bindings;
    const tableNode = element("table", null, { class: "results", id: "result-table" });
    const head = document.createElement("tr");
    for (const v of vars) head.appendChild(element("th", v));
    tableNode.appendChild(element("thead")).appendChild(head);
    const body = tableNode.appendChild(element("tbody"));
    for (const row of rows) {
      const tr = document.createElement("tr");
      for (const v of vars) tr.appendChild(cell(row[v]));
      body.appendChild(tr);
    }
    return [tableNode, rows.length];
  }

  function showError(message) {
    errorBox.hidden = false;
    errorBox.textContent = message;
  }

  async function execute() {
    const query = editor.value;
    errorBox.hidden = true;
    results.replaceChildren();
    status.textContent = "running…";
    run.disabled = true;
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/sparql-query",
          Accept: "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: query,
      });
      const text = await response.text();
      const ms = Math.round(performance.now() - started);
      if (!response.ok) {
        status.textContent = `error ${response.status} (${ms} ms)`;
        showError(text || response.statusText);
        return;
      }
      const type = (response.headers.get("Content-Type") || "").split(";")[0].trim();
      if (type === "application/sparql-results+json") {
        const json = JSON.parse(text);
        if (typeof json.boolean === "boolean") {
          results.appendChild(element("p", json.boolean ? "true" : "false", { class: "boolean", id: "result-boolean" }));
          status.textContent = `ASK answered (${ms} ms)`;
          return;
        }
        const [node, count] = table(json);
        results.appendChild(node);
        status.textContent = `${count} ${count === 1 ? "row" : "rows"} in ${ms} ms`;
        status.dataset.rows = String(count);
      } else {
        results.appendChild(element("pre", text, { class: "rdf", id: "result-rdf" }));
        status.textContent = `${type || "text"} (${ms} ms)`;
      }
    } catch (error) {
      status.textContent = "failed";
      showError(String(error));
    } finally {
      run.disabled = false;
    }
  }

  // Tab inserts two spaces instead of leaving the editor.
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      execute();
    } else if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      const start = editor.selectionStart;
      editor.setRangeText("  ", start, editor.selectionEnd, "end");
    }
  });

  document.getElementById("examples").addEventListener("click", (event) => {
    const button = event.target.closest("button.example");
    if (!button) return;
    const source = document.getElementById("query-" + button.dataset.name);
    if (!source) return;
    editor.value = source.value;
    for (const b of document.querySelectorAll("button.example.selected")) b.classList.remove("selected");
    button.classList.add("selected");
    editor.focus();
  });

  run.addEventListener("click", execute);
})();
