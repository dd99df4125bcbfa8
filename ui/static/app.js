// Vigil's page logic: asks the app for HTML fragments (rendered and escaped by askama in Rust)
// and for codes, wires keyboard, search, copy and dialogs. It never builds HTML from strings.
"use strict";

const invoke = (cmd, args) => window.__TAURI__.core.invoke(cmd, args);
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
let lastCodes = new Map();
let pendingDelete = null;

function show(html) {
  // `html` comes from askama templates in Rust, where every outside string was escaped.
  const app = $("#app");
  app.innerHTML = html;
  app.setAttribute("aria-busy", "false");
  const search = $("#search");
  if (search) search.focus();
  tick();
}

async function render() {
  try { show(await invoke("render_app")); }
  catch (error) { toast(error.message || String(error)); }
}

async function tick() {
  if (!$("#list")) return;
  let codes;
  try { codes = await invoke("codes"); } catch (error) { return; }
  lastCodes = new Map(codes.map((c) => [c.id, c]));
  for (const row of $$("#list .row")) {
    const c = lastCodes.get(row.dataset.id);
    if (!c) continue;
    const code = $(".code", row);
    if (!code.classList.contains("copied")) code.textContent = c.code;
    const ending = c.next !== null && c.left <= 5;
    row.classList.toggle("ending", ending);
    $(".next", row).textContent = ending ? c.next : "";
    const ring = $(".ring .left", row);
    if (ring) ring.setAttribute("stroke-dashoffset", String(100 - (100 * c.left) / c.period));
  }
}

function toast(text) {
  const el = $("#toast");
  if (!el) return;
  el.textContent = text;
  el.classList.add("shown");
  setTimeout(() => el.classList.remove("shown"), 1600);
}

async function copy(row) {
  try {
    await invoke("copy_code", { id: row.dataset.id });
    const code = $(".code", row);
    code.classList.add("copied");
    code.textContent = "Copied";
    setTimeout(() => { code.classList.remove("copied"); tick(); }, 1200);
  } catch (error) { toast(error.message || String(error)); }
}

function filter(text) {
  const needle = text.trim().toLowerCase();
  let shown = 0;
  for (const row of $$("#list .row")) {
    const match = row.dataset.search.includes(needle);
    row.hidden = !match;
    if (match) shown += 1;
  }
  const none = $("#no-match");
  if (none) none.hidden = shown > 0;
}

function visibleRows() { return $$("#list .row").filter((r) => !r.hidden); }

function openAdd() {
  $("#add-error").textContent = "";
  $("#add-uri").value = "";
  $("#add-dialog").showModal();
  $("#add-uri").focus();
}

function askDelete(row) {
  pendingDelete = row.dataset.id;
  const label = row.dataset.label, issuer = row.dataset.issuer;
  const name = label && issuer ? `${label} at ${issuer}` : (label || issuer);
  $("#delete-text").textContent = `Delete the account ${name}? Its codes will stop working in this app.`;
  $("#delete-error").textContent = "";
  $("#delete-dialog").showModal();
}

document.addEventListener("click", async (event) => {
  const action = event.target.closest("[data-action]");
  const row = event.target.closest(".row");
  if (action) {
    event.stopPropagation();
    const what = action.dataset.action;
    if (what === "add") openAdd();
    else if (what === "close") action.closest("dialog").close();
    else if (what === "retry") render();
    else if (what === "delete" && row) askDelete(row);
    else if (what === "next" && row) {
      try { await invoke("next_code", { id: row.dataset.id }); tick(); }
      catch (error) { toast(error.message || String(error)); }
    }
    return;
  }
  if (event.target.closest("#add-button")) { openAdd(); return; }
  if (event.target.closest("#delete-confirm")) {
    try { show(await invoke("remove_account", { id: pendingDelete })); $("#delete-dialog").close(); }
    catch (error) { $("#delete-error").textContent = error.message || String(error); }
    return;
  }
  if (row && !row.classList.contains("orphan")) copy(row);
});

document.addEventListener("submit", async (event) => {
  if (event.target.id !== "add-form") return;
  event.preventDefault();
  try {
    const html = await invoke("add_uri", { uri: $("#add-uri").value });
    $("#add-dialog").close();
    show(html);
    toast("Account added");
  } catch (error) {
    $("#add-error").textContent = error.message || String(error);
  }
});

document.addEventListener("input", (event) => { if (event.target.id === "search") filter(event.target.value); });

document.addEventListener("keydown", (event) => {
  if ($("dialog[open]")) return;
  const search = $("#search");
  const rows = visibleRows();
  const index = rows.indexOf(document.activeElement);
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const next = event.key === "ArrowDown" ? Math.min(index + 1, rows.length - 1) : Math.max(index - 1, 0);
    if (rows[next]) rows[next].focus();
  } else if (event.key === "Enter" && (index >= 0 || document.activeElement === search)) {
    const row = index >= 0 ? rows[index] : rows[0];
    if (row && !event.target.closest("button")) { event.preventDefault(); copy(row); }
  } else if (event.key === "Escape" && search) {
    search.value = ""; filter(""); search.focus();
  } else if (search && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey
             && document.activeElement !== search) {
    search.focus();
  }
});

setInterval(tick, 1000);
window.addEventListener("DOMContentLoaded", render);
