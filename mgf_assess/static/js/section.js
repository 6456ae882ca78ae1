// Section pages: autosave each changed question through the JSON API, refresh which questions
// apply, and let the person resolve a save conflict. Without this script the page still works:
// the "Save section" button saves every changed question and the server decides relevance.
(() => {
  "use strict";

  const form = document.getElementById("section-form");
  if (!form) {
    return;
  }
  const DEBOUNCE_MS = 800;
  const RELEVANCE_DEBOUNCE_MS = 250;
  const messages = readJSON(form.dataset.messages);
  const texts = readJSON(form.dataset.texts);
  const csrfInput = form.querySelector('input[name="csrf_token"]');
  const csrf = csrfInput ? csrfInput.value : "";
  const timers = new Map();
  const chains = new Map();
  const lastSaved = new Map(); // question id → the payload the server holds, as JSON text
  let relevanceTimer = null;

  function readJSON(text) {
    try {
      return JSON.parse(text || "{}");
    } catch (error) {
      return {};
    }
  }

  // Fills named placeholders the way the server's catalogs write them: %(name)s.
  function fill(template, values) {
    return String(template || "").replace(/%\((\w+)\)s/g, (match, key) => (key in values ? String(values[key]) : match));
  }

  function articles() {
    return Array.from(document.querySelectorAll("article[data-question]"));
  }

  function articleOf(qid) {
    return document.getElementById("q-" + qid);
  }

  function inputsOf(article, part) {
    const name = article.dataset.question + "-" + part;
    return Array.from(form.elements).filter((element) => element.name === name);
  }

  function baseInput(article) {
    return inputsOf(article, "base_revision")[0];
  }

  function currentStatus(article) {
    const checked = inputsOf(article, "status").find((input) => input.checked);
    return checked ? checked.value : "answered";
  }

  function choiceValue(article) {
    const inputs = inputsOf(article, "value");
    if (article.dataset.type === "multi_choice") {
      const codes = inputs.filter((input) => input.checked).map((input) => input.value);
      return codes.length ? codes : null;
    }
    const checked = inputs.find((input) => input.checked);
    return checked ? checked.value : null;
  }

  function typedValue(article) {
    const input = inputsOf(article, "value")[0];
    if (!input || !input.value.trim()) {
      return null;
    }
    if (article.dataset.type === "number" || article.dataset.type === "percent") {
      const number = Number(input.value);
      return Number.isFinite(number) ? number : input.value;
    }
    return input.value;
  }

  function currentValue(article) {
    const type = article.dataset.type;
    return ["yes_no", "single_choice", "multi_choice"].includes(type) ? choiceValue(article) : typedValue(article);
  }

  function payloadOf(article) {
    const status = currentStatus(article);
    const box = inputsOf(article, "justification")[0];
    const justification = box && box.value.trim() ? box.value : null;
    if (status !== "answered") {
      return { value: null, status, justification };
    }
    return { value: currentValue(article), status: "answered", justification: null };
  }

  // A number input the browser cannot read reports an empty value: never send that as "no answer".
  function unreadable(article) {
    return inputsOf(article, "value").some((input) => input.validity && input.validity.badInput);
  }

  function setStatus(article, text, kind) {
    const line = article.querySelector(".save-status");
    if (line) {
      line.textContent = text;
      line.className = "save-status" + (kind ? " save-status--" + kind : "");
    }
  }

  function clearProblems(article) {
    article.querySelectorAll("[data-live-error]").forEach((node) => node.remove());
    inputsOf(article, "value").forEach((input) => input.removeAttribute("aria-invalid"));
  }

  function messageOf(article, problem) {
    const code = problem.code || "";
    // A refused constraint comes with the question's own message, already in the page's language.
    const own = code === "constraint" ? problem.message : "";
    const message = own || messages[code + ":" + article.dataset.type] || messages[code] || problem.message || "";
    return message.replace("%(low)s", article.dataset.low || "").replace("%(high)s", article.dataset.high || "");
  }

  function showProblems(article, problems) {
    clearProblems(article);
    const line = document.createElement("p");
    line.className = "field__error";
    line.id = "q-" + article.dataset.question + "-live-error";
    line.setAttribute("data-live-error", "");
    line.textContent = problems.map((problem) => messageOf(article, problem)).join(" ");
    article.querySelector(".save-status").before(line);
    inputsOf(article, "value").forEach((input) => {
      input.setAttribute("aria-invalid", "true");
      const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (!described.includes(line.id)) {
        input.setAttribute("aria-describedby", described.concat(line.id).join(" "));
      }
    });
    setStatus(article, fill(texts.not_saved, { reason: texts.invalid }), "error");
  }

  function saved(article, data) {
    baseInput(article).value = String(data.revision);
    clearProblems(article);
    article.querySelectorAll("[data-carried], .conflict").forEach((node) => node.remove());
    delete article.dataset.conflict;
    setStatus(article, texts.saved, "ok");
  }

  function optionLabel(article, part, value) {
    const input = inputsOf(article, part).find((candidate) => candidate.value === String(value));
    const label = input && input.id ? document.querySelector('label[for="' + input.id + '"]') : null;
    return label ? label.textContent.trim() : String(value);
  }

  function describe(article, current) {
    const status = current.status || "answered";
    if (status !== "answered") {
      const label = optionLabel(article, "status", status);
      return current.justification ? label + " — " + current.justification : label;
    }
    const value = current.value;
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) {
      return texts.no_answer;
    }
    const values = Array.isArray(value) ? value : [value];
    const coded = ["yes_no", "single_choice", "multi_choice"].includes(article.dataset.type);
    return values.map((item) => (coded ? optionLabel(article, "value", item) : String(item))).join("; ");
  }

  function applyValues(article, current) {
    const status = current.status || "answered";
    inputsOf(article, "status").forEach((input) => { input.checked = input.value === status; });
    const value = status === "answered" ? current.value : null;
    const values = Array.isArray(value) ? value.map(String) : value === null || value === undefined ? [] : [String(value)];
    inputsOf(article, "value").forEach((input) => {
      if (input.type === "radio" || input.type === "checkbox") {
        input.checked = values.includes(input.value);
      } else {
        input.value = values.length ? values[0] : "";
      }
    });
    const box = inputsOf(article, "justification")[0];
    if (box) {
      box.value = current.justification || "";
    }
    syncStatus(article);
  }

  function personOf(current) {
    const who = current.updated_by;
    if (who && typeof who === "object") {
      return who.name || who.email || texts.someone;
    }
    return who || texts.someone;
  }

  function whenOf(current) {
    const date = current.updated_at ? new Date(current.updated_at) : null;
    if (!date || Number.isNaN(date.getTime())) {
      return current.updated_at || "";
    }
    return date.toLocaleString(document.documentElement.lang || undefined);
  }

  function button(text, extraClass, onClick) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "button button--small" + (extraClass ? " " + extraClass : "");
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  function conflictBox(article, current) {
    const box = document.createElement("div");
    box.className = "callout callout--error conflict";
    box.setAttribute("role", "alert");
    const title = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = texts.conflict_title;
    title.append(strong);
    const theirs = document.createElement("p");
    const quoted = document.createElement("q");
    quoted.className = "conflict__value";
    quoted.textContent = describe(article, current);
    theirs.append(fill(texts.conflict_by, { name: personOf(current), when: whenOf(current) }) + " ", quoted);
    const row = document.createElement("div");
    row.className = "button-row";
    row.append(
      button(texts.keep, "", () => keepTheirs(article, current, box)),
      button(texts.overwrite, "button--danger", () => { resolved(article, box); enqueue(article, Number(current.revision)); }),
    );
    box.append(title, theirs, row);
    return box;
  }

  // While the person has not chosen between the two answers, edits are not autosaved: a save
  // based on the old revision would only be refused again.
  function showConflict(article, current) {
    article.dataset.conflict = "pending";
    article.querySelectorAll(".conflict").forEach((node) => node.remove());
    const box = conflictBox(article, current);
    article.prepend(box);
    setStatus(article, fill(texts.not_saved, { reason: texts.conflict }), "error");
    box.querySelector("button").focus();
  }

  function resolved(article, box) {
    box.remove();
    delete article.dataset.conflict;
  }

  function keepTheirs(article, current, box) {
    resolved(article, box);
    applyValues(article, current);
    baseInput(article).value = String(current.revision);
    lastSaved.set(article.dataset.question, JSON.stringify(payloadOf(article)));
    clearProblems(article);
    setStatus(article, texts.kept, "ok");
    scheduleRelevance();
  }

  async function send(article, payload, revision) {
    const url = form.dataset.autosaveUrl + encodeURIComponent(article.dataset.question);
    return fetch(url, {
      method: "PUT",
      credentials: "same-origin",
      // keepalive lets a save finish while the page is being left (its body is limited in size)
      keepalive: document.visibilityState === "hidden",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ ...payload, base_revision: revision }),
    });
  }

  async function save(article, revisionOverride) {
    if (unreadable(article)) {
      showProblems(article, [{ code: "wrong_type" }]);
      return;
    }
    const payload = payloadOf(article);
    const revision = revisionOverride === undefined ? Number(baseInput(article).value || 0) : revisionOverride;
    if (revisionOverride === undefined && lastSaved.get(article.dataset.question) === JSON.stringify(payload)) {
      clearProblems(article);
      setStatus(article, "", "");
      return; // back to what is stored (or never answered and still empty): nothing to save
    }
    setStatus(article, texts.saving, "");
    let response;
    try {
      response = await send(article, payload, revision);
    } catch (error) {
      setStatus(article, fill(texts.not_saved, { reason: texts.unreachable }), "error");
      return;
    }
    const data = await response.json().catch(() => ({}));
    if (response.ok) {
      lastSaved.set(article.dataset.question, JSON.stringify(payload));
      saved(article, data);
    } else if (response.status === 409 && data.current) {
      showConflict(article, data.current);
    } else if (response.status === 422) {
      showProblems(article, (data.error && data.error.problems) || []);
    } else {
      // e.g. 409 without a current answer: the assessment's state no longer allows changes
      setStatus(article, fill(texts.not_saved, { reason: fill(texts.refused, { status: response.status }) }), "error");
    }
  }

  // Saves of one question run one after the other, so each is based on the revision the
  // previous one returned.
  function enqueue(article, revisionOverride) {
    const qid = article.dataset.question;
    const next = (chains.get(qid) || Promise.resolve()).then(() => save(article, revisionOverride));
    chains.set(qid, next.catch(() => undefined));
  }

  function scheduleSave(article) {
    if (article.dataset.conflict) {
      return;
    }
    const qid = article.dataset.question;
    clearTimeout(timers.get(qid));
    timers.set(qid, setTimeout(() => { timers.delete(qid); enqueue(article); }, DEBOUNCE_MS));
  }

  function flushSaves() {
    timers.forEach((timer, qid) => {
      clearTimeout(timer);
      enqueue(articleOf(qid));
    });
    timers.clear();
  }

  // A value only counts when the status is "answered"; a justification only matters otherwise,
  // so an empty justification box stays out of the way of answered questions.
  function syncStatus(article) {
    const answered = currentStatus(article) === "answered";
    inputsOf(article, "value").forEach((input) => { input.disabled = !answered; });
    const box = inputsOf(article, "justification")[0];
    const wrapper = article.querySelector("[data-justification]");
    if (wrapper && box) {
      wrapper.hidden = answered && !box.value.trim() && !wrapper.classList.contains("field--error");
    }
  }

  async function refreshRelevance() {
    let response;
    try {
      response = await fetch(form.dataset.relevanceUrl, {
        method: "POST", credentials: "same-origin", body: new FormData(form),
        headers: { Accept: "application/json", "X-CSRFToken": csrf },
      });
    } catch (error) {
      return; // the server decides again when the section is saved
    }
    if (!response.ok) {
      return;
    }
    const hidden = new Set(((await response.json()) || {}).hidden || []);
    articles().forEach((article) => { article.hidden = hidden.has(article.dataset.question); });
    document.querySelectorAll("[data-note]").forEach((note) => { note.hidden = hidden.has(note.dataset.note); });
  }

  function scheduleRelevance() {
    clearTimeout(relevanceTimer);
    relevanceTimer = setTimeout(refreshRelevance, RELEVANCE_DEBOUNCE_MS);
  }

  function onEdit(event) {
    const target = event.target;
    if (!target || target.form !== form || !target.name) {
      return;
    }
    const article = target.closest("article[data-question]");
    if (!article) {
      return;
    }
    if (target.hasAttribute("data-status")) {
      syncStatus(article);
    }
    scheduleSave(article);
    if (event.type === "change") {
      scheduleRelevance();
    }
  }

  articles().forEach((article) => {
    syncStatus(article);
    if (!article.dataset.conflict) {
      lastSaved.set(article.dataset.question, JSON.stringify(payloadOf(article)));
    }
  });
  document.addEventListener("input", onEdit);
  document.addEventListener("change", onEdit);
  form.addEventListener("submit", () => { timers.forEach(clearTimeout); timers.clear(); });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      flushSaves();
    }
  });
})();
