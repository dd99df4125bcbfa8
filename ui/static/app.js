// Vigil's page logic: asks the app for HTML fragments (rendered and escaped by askama in Rust)
// and for codes; wires keyboard, search, copy, drag and drop, menus and dialogs. It never builds
// HTML from strings: names go in with textContent, fragments come from the app.
"use strict";

// Every call to the app. A refusal because Vigil is locked (the app lock) shows the lock page.
const invoke = (cmd, args) => window.__TAURI__.core.invoke(cmd, args).catch((error) => {
  if (error && error.code === "app_locked" && !document.getElementById("unlock-app-form")) render();
  throw error;
});
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const messageOf = (error) => (error && error.message) || String(error);
// The one place HTML enters the page: fragments the app rendered with askama, where every string
// from outside (keychain, QR code, feed, person) was escaped. Nothing else is ever set as HTML.
const setTrustedHtml = (element, html) => { element.innerHTML = html; };
const ROW_TYPE = "application/x-vigil-row";
let menuRow = null;
let keychainRetry = 0;
// The group the list is filtered to ("" for all); kept when the list is redrawn.
let currentGroup = "";
// Whether the list is in the person's own order (rows can be moved only then).
const customOrder = () => Boolean($("#list")) && $("#list").dataset.customOrder === "true";
let longPress = null;
let swallowClick = false;
let openAccount = null;
let activityVersion = -1;
let updateOffer = null;
let updateInstalled = false;

// The account (and event) a dialog is about is kept on the dialog itself, as data-account and
// data-event, set when it opens.
function openFor(dialog, account, event) {
  dialog.dataset.account = account || "";
  dialog.dataset.event = event || "";
  dialog.showModal();
}

// ---- The page --------------------------------------------------------------------------------

function applySettings() {
  const shell = $(".shell");
  if (!shell) return;
  const theme = shell.dataset.theme;
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

// The whole page (at start, and "Try again" after a keychain error).
// The page's words in its language: the app renders them from the Fluent files into #words
// (placeholders as {name}; plural messages as {one, other}).
let wordsCache = { from: null, words: {} };
function word(key, args = {}) {
  const source = document.getElementById("words");
  if (source !== wordsCache.from) {
    let words = {};
    try { words = source ? JSON.parse(source.textContent) : {}; } catch (error) { words = {}; }
    wordsCache = { from: source, words };
  }
  let text = wordsCache.words[key];
  if (text && typeof text === "object") {
    const form = new Intl.PluralRules(pageLocale()).select(Number(args.count));
    text = form === "one" ? text.one : text.other;
  }
  if (typeof text !== "string") return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

// The locale times and plurals follow ("en-GB", "de"), as the app chose it.
function pageLocale() {
  const shell = document.querySelector(".shell");
  return (shell && shell.dataset.locale) || document.documentElement.lang || "en";
}

function show(html, focusId) {
  const app = $("#app");
  setTrustedHtml(app, html);
  const lang = $("[data-lang]", app);
  if (lang) document.documentElement.lang = lang.dataset.lang;
  app.setAttribute("aria-busy", "false");
  applySettings();
  afterList(focusId);
  // A locked keychain (or one without a default collection) may be unlocked from elsewhere:
  // look again every few seconds, so Vigil goes on without a restart.
  clearTimeout(keychainRetry);
  if ($(".fatal[data-waiting-for-keychain]")) keychainRetry = setTimeout(lookAgainAtKeychain, 3000);
}

// Only the account list, as the commands that change accounts send it: the dialogs and the
// activity pane stay as they are.
function showAccounts(html, focusId) {
  const section = $("section.accounts");
  if (!section) { render(); return; }
  const holder = document.createElement("template");
  setTrustedHtml(holder, html);
  section.replaceWith(holder.content);
  // A change to the accounts starts from the whole list again, as a new page would.
  if ($("#search")) $("#search").value = "";
  afterList(focusId);
}

function afterList(focusId) {
  // The activity pane is there only when an account is linked; otherwise the list has the window.
  const panes = $(".panes");
  if (panes) panes.classList.toggle("with-activity", $$("#list .row[data-linked=true]").length > 0);
  const groups = $("#group-filter");
  if (groups && Array.from(groups.options).some((o) => o.value === currentGroup)) groups.value = currentGroup;
  else currentGroup = "";
  const row = focusId && $$("#list .row").find((r) => r.dataset.id === focusId);
  if (row) row.focus();
  else if ($("#search")) $("#search").focus();
  filter($("#search") ? $("#search").value : "");
  tick();
  activityVersion = -1;
  pollActivity();
}

// ---- Activity ----------------------------------------------------------------------------------

function detail() { return $(".detail"); }

async function showOverview() {
  openAccount = null;
  const panes = $(".panes");
  if (panes) panes.classList.remove("showing-activity");
  if (!detail()) return;
  try { setTrustedHtml(detail(), await invoke("activity_overview")); } catch (error) { /* the list still works */ }
  try {
    const devices = await invoke("devices_signed_in");
    const line = $("#devices-signed-in");
    if (line && devices) { line.textContent = devices; line.hidden = false; }
  } catch (error) { /* the overview still works */ }
}

// ---- Sessions: where the person is signed in at a linked account's service ---------------------

// The last "Where you're signed in" read for each account, put back whenever the pane is redrawn
// (from the cache) while a fresh one is read.
const sessionsHtml = new Map();
function placeSessions() {
  const slot = $(".activity .sessions-slot");
  if (slot && sessionsHtml.has(slot.dataset.sessionsFor)) setTrustedHtml(slot, sessionsHtml.get(slot.dataset.sessionsFor));
}
async function loadSessions(id) {
  try {
    sessionsHtml.set(id, await invoke("account_sessions", { id }));
    placeSessions();
  } catch (error) { /* the pane still works */ }
}

function askEndSession(button) {
  const service = $(".activity h2") ? $(".activity h2").textContent : word("the-service");
  $("#end-session-text").textContent = word("js-end-session-text", { device: button.dataset.device, service });
  $("#end-session-error").textContent = "";
  openFor($("#end-session-dialog"), openAccount, button.dataset.session);
}

async function confirmEndSession() {
  const dialog = $("#end-session-dialog");
  const id = dialog.dataset.account;
  try {
    const outcome = await invoke("end_session", { id, session: dialog.dataset.event });
    sessionsHtml.set(id, outcome.html);
    placeSessions();
    dialog.close();
    toast(outcome.message);
  } catch (error) { $("#end-session-error").textContent = messageOf(error); }
}

function askSecure(accountId) {
  const service = $(".activity h2") ? $(".activity h2").textContent : word("the-service");
  $("#secure-title").textContent = word("js-secure-title", { service });
  $("#secure-error").textContent = "";
  openFor($("#secure-dialog"), accountId);
}

async function confirmSecure() {
  const dialog = $("#secure-dialog");
  const id = dialog.dataset.account;
  try {
    const outcome = await invoke("secure_account", { id });
    sessionsHtml.set(id, outcome.html);
    dialog.close();
    toast(outcome.message);
    if (openAccount === id) {
      try { setTrustedHtml(detail(), await invoke("account_activity", { id })); } catch (error) { /* keep */ }
      placeSessions();
    }
  } catch (error) { $("#secure-error").textContent = messageOf(error); }
}

async function openActivity(id) {
  openAccount = id;
  const pane = detail();
  if (!pane) return;
  $(".panes").classList.add("showing-activity");
  try { setTrustedHtml(pane, await invoke("account_activity", { id })); placeSessions(); }
  catch (error) { toast(messageOf(error)); return; }
  loadSessions(id);
  const back = $(".activity .back", pane);
  if (back && window.innerWidth < 900) back.focus();
  try {
    const html = await invoke("refresh_activity", { id });
    if (openAccount === id) { setTrustedHtml(pane, html); placeSessions(); }
  } catch (error) { toast(messageOf(error)); }
}

// A notification click or a vigil:// link: open the account at the event, and for a "This
// wasn't me" link ask to confirm (nothing is sent until the person does).
async function openRequested(request) {
  if (request.message) { toast(request.message); return; }
  await openActivity(request.account);
  if (!request.event) return;
  const card = $$(".activity [data-event]").find((el) => el.dataset.event === request.event);
  if (!card) { toast(word("js-event-gone")); return; }
  for (const old of $$(".activity .highlight")) old.classList.remove("highlight");
  card.classList.add("highlight");
  card.setAttribute("tabindex", "-1");
  card.scrollIntoView({ block: "center" });
  card.focus();
  if (request.verdict === "not_mine" && $("[data-verdict=not_mine]", card)) {
    $("#not-mine-error").textContent = "";
    openFor($("#not-mine-dialog"), request.account, request.event);
  }
}
window.vigilOpenRequested = () => pollActivity();

async function pollActivity() {
  if (!$("#list") && !$(".empty")) return;
  let status;
  try { status = await invoke("activity_status"); } catch (error) { return; }
  const clock = $("#clock-banner");
  if (clock) {
    clock.textContent = status.clock || "";
    clock.hidden = !status.clock;
  }
  // "Like the system" follows the desktop's own light or dark setting, when it has one.
  if (status.desktop_theme) document.documentElement.dataset.desktopTheme = status.desktop_theme;
  else delete document.documentElement.dataset.desktopTheme;
  const backup = $("#backup-banner");
  if (backup) {
    backup.hidden = !status.backup;
    $("#backup-banner-text").textContent = status.backup || "";
  }
  const offered = updateInstalled ? null : status.update;
  updateOffer = offered || updateOffer;
  const banner = $("#update-banner");
  if (banner) {
    banner.hidden = !offered;
    $("#update-banner-text").textContent = offered ? word("js-update-available", { version: offered.version }) : "";
  }
  const marks = new Map(status.attention.map((a) => [a.id, a]));
  for (const row of $$("#list .row")) {
    const mark = marks.get(row.dataset.id);
    const dot = $(".activity-button .dot", row);
    const needs = Boolean(mark && (mark.flagged > 0 || mark.locked));
    row.classList.toggle("attention", needs);
    if (dot) dot.hidden = !needs;
    const button = $(".activity-button", row);
    if (button) {
      const names = { issuer: row.dataset.issuer, label: row.dataset.label, count: mark ? mark.flagged : 0 };
      const key = mark && mark.flagged > 0 ? "js-activity-of-flagged" : (mark && mark.locked ? "js-activity-of-locked" : "activity-of");
      button.setAttribute("aria-label", word(key, names));
    }
  }
  if (status.open) {
    activityVersion = status.version;
    await openRequested(status.open);
    return;
  }
  if (status.version === activityVersion) return;
  activityVersion = status.version;
  if (openAccount) {
    try { setTrustedHtml(detail(), await invoke("account_activity", { id: openAccount })); placeSessions(); } catch (error) { /* keep */ }
  } else {
    showOverview();
  }
}

async function answer(accountId, eventId, verdict) {
  const result = await invoke("answer_event", { id: accountId, eventId, verdict });
  openAccount = accountId;
  $(".panes").classList.add("showing-activity");
  setTrustedHtml(detail(), result.html);
  placeSessions();
  toast(result.message);
}

async function sendDocument(file) {
  if (!file || !openAccount) return;
  const limit = Number($(".shell").dataset.documentLimit);
  if (file.size > limit) { toast(word("js-file-too-large", { limit: limit / 1048576 })); return; }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
    const result = await invoke("send_document", { id: openAccount, data: btoa(binary) });
    setTrustedHtml(detail(), result.html);
    toast(result.message);
  } catch (error) { toast(messageOf(error)); }
}

// While the page says the keychain is locked: redraw only once it is not (a message beside the
// unlock button stays until then).
async function lookAgainAtKeychain() {
  let html;
  try { html = await invoke("render_app"); } catch (error) { html = null; }
  if (!$(".fatal[data-waiting-for-keychain]")) return;
  if (!html || html.includes("data-waiting-for-keychain")) {
    keychainRetry = setTimeout(lookAgainAtKeychain, 3000);
    return;
  }
  show(html);
}

async function render() {
  try { show(await invoke("render_app")); }
  catch (error) { toast(messageOf(error)); }
}

// ---- App lock ----------------------------------------------------------------------------------

// The app locked itself (idle) or was locked from the menu: the lock page replaces everything.
window.vigilLocked = () => render();

// Tell the app the person is here (for the idle lock), at most every 15 seconds.
let lastSeenReport = 0;
function reportSeen() {
  const now = Date.now();
  if (now - lastSeenReport < 15000 || $("#unlock-app-form")) return;
  lastSeenReport = now;
  invoke("still_here").catch(() => {});
}
for (const type of ["keydown", "pointerdown", "wheel"]) document.addEventListener(type, reportSeen, { passive: true, capture: true });

function showLockState(view) {
  const minutes = view.idle_minutes;
  const idle = minutes === 0 ? "start" : "idle";
  $("#settings-lock").textContent = view.on ? word(`js-lock-summary-${idle}`, { count: minutes }) : word("js-off");
  $("#lock-state").textContent = view.on
    ? word(`js-lock-state-${idle}`, { count: minutes })
    : word("js-lock-state-off");
  $("#lock-minutes").value = String(minutes);
  $("#lock-off").hidden = !view.on;
  $("#lock-password-hint").textContent = view.on
    ? word("js-lock-hint-on")
    : word("js-lock-hint-off");
  $("#lock-save").textContent = view.on ? word("save") : word("turn-on");
  const item = $('#app-menu [data-menu="lock"]');
  if (item) item.hidden = !view.on;
}

async function openLock() {
  $$("dialog[open]").forEach((d) => { if (d.id !== "lock-dialog") d.close(); });
  $("#lock-form").reset();
  $("#lock-error").textContent = "";
  try { showLockState(await invoke("app_lock_settings")); } catch (error) { $("#lock-error").textContent = messageOf(error); }
  $("#lock-dialog").showModal();
  $("#lock-password").focus();
}

async function lockDo(command, args, message) {
  $("#lock-error").textContent = "";
  try {
    showLockState(await invoke(command, args));
    $("#lock-form").reset();
    $("#lock-dialog").close();
    toast(message);
  } catch (error) { $("#lock-error").textContent = messageOf(error); }
}

async function tick() {
  if (!$("#list")) return;
  let codes;
  try { codes = await invoke("codes"); } catch (error) { return; }
  const byId = new Map(codes.map((c) => [c.id, c]));
  for (const row of $$("#list .row")) {
    const c = byId.get(row.dataset.id);
    if (!c) continue;
    const code = $(".code", row);
    if (!code.classList.contains("copied")) code.textContent = c.code;
    const ending = c.next !== null && c.left <= 5;
    row.classList.toggle("ending", ending);
    $(".next", row).textContent = ending ? c.next : "";
    // Only the focused row's description is kept current (a screen reader reads it on focus):
    // rewriting a hundred of them every second cost WebKit about 18 MB.
    spokenCodes.set(row.dataset.id, spoken(c));
    if (row === document.activeElement && $("#row-code")) $("#row-code").textContent = spoken(c);
    const ring = $(".ring .left", row);
    if (ring) ring.setAttribute("stroke-dashoffset", String(100 - (100 * c.left) / c.period));
  }
}

// What a screen reader hears of each row's code, by account id (kept here, not in the page).
const spokenCodes = new Map();
document.addEventListener("focusin", (event) => {
  const row = event.target.closest && event.target.closest("#list .row");
  if (row && spokenCodes.has(row.dataset.id) && $("#row-code")) $("#row-code").textContent = spokenCodes.get(row.dataset.id);
});

// What a screen reader says of a code: its digits one by one, and the seconds left.
function spoken(c) {
  const digits = c.code.replace(/\s/g, "").split("").join(" ");
  return c.left > 0 ? word("js-code-left", { digits, count: c.left }) : word("js-code", { digits });
}

// Says `text` through the page's live region (screen readers read it out; nothing shows).
function announce(text) {
  const el = $("#announce");
  if (!el) return;
  el.textContent = "";
  setTimeout(() => { el.textContent = text; }, 50);
}

function toast(text) {
  const el = $("#toast");
  if (!el) return;
  el.textContent = text;
  el.classList.add("shown");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove("shown"), 2200);
}

async function copy(row) {
  if (!row || row.classList.contains("orphan")) return;
  try {
    await invoke("copy_code", { id: row.dataset.id });
    const code = $(".code", row);
    code.classList.add("copied");
    code.textContent = word("js-copied");
    announce(word("js-copied-code", { name: nameOf(row) }));
    setTimeout(() => { code.classList.remove("copied"); tick(); }, 1200);
  } catch (error) { toast(messageOf(error)); }
}

function filter(text) {
  const needle = text.trim().toLowerCase();
  let shown = 0;
  for (const row of $$("#list .row")) {
    const match = row.dataset.search.includes(needle)
      && (!currentGroup || row.dataset.groups.split("\n").includes(currentGroup));
    row.hidden = !match;
    if (match) shown += 1;
  }
  const none = $("#no-match");
  if (none) none.hidden = shown > 0;
}

const visibleRows = () => $$("#list .row").filter((r) => !r.hidden);
const nameOf = (row) => {
  const label = row.dataset.label, issuer = row.dataset.issuer;
  return label && issuer ? word("js-name-at", { label, issuer }) : (label || issuer);
};

// ---- Adding ------------------------------------------------------------------------------------

function step(id) {
  for (const section of $$("#add-dialog .step")) section.hidden = section.id !== id;
  const first = $(`#${id} input:not([type=hidden]):not([hidden]), #${id} button`);
  if (first) first.focus();
}

function clearErrors() { for (const el of $$("#add-dialog .field-error")) el.textContent = ""; }

function openAdd(error) {
  const dialog = $("#add-dialog");
  if (!dialog) return;
  clearErrors();
  $("#add-uri").value = "";
  if (!dialog.open) dialog.showModal();
  step("add-choose");
  if (error) $("#add-error").textContent = error;
}

function handleOutcome(outcome) {
  if (outcome.outcome === "added") {
    // The dialogs stay on the page now: a finished preview must not linger for the next scan.
    $("#preview-body").replaceChildren();
    const dialog = $("#add-dialog");
    if (dialog && dialog.open) dialog.close();
    showAccounts(outcome.html);
    toast(outcome.message);
  } else if (outcome.outcome === "preview") {
    openAdd();
    setTrustedHtml($("#preview-body"), outcome.html);
    step("preview-form");
  } else if (outcome.outcome === "password") {
    openAdd();
    $("#backup-password-form").reset();
    $("#backup-password-what").textContent = word("js-backup-what", { what: outcome.what });
    step("backup-password-form");
  } else if (outcome.outcome === "invalid") {
    for (const problem of outcome.errors) {
      const el = $(`#manual-form [data-error-for="${problem.field}"]`);
      if (el) el.textContent = problem.message;
      if (problem.field !== "label" && problem.field !== "secret") $("#manual-form details").open = true;
    }
    const first = outcome.errors[0] && $(`#manual-form [name="${outcome.errors[0].field}"]`);
    if (first) first.focus();
  }
}

async function attempt(cmd, args, errorTarget = "#add-error") {
  try { handleOutcome(await invoke(cmd, args)); }
  catch (error) {
    const dialog = $("#add-dialog");
    if (errorTarget === "#add-error" && dialog && !dialog.open) openAdd();
    const el = $(errorTarget);
    if (el) el.textContent = messageOf(error);
    else toast(messageOf(error));
  }
}

async function scanFile(file) {
  if (!file) return;
  if (file.size > 50 * 1024 * 1024) {
    openAdd(word("js-too-large-scan", { size: Math.round(file.size / 1048576) }));
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  await attempt("scan_image", bytes);
}

// Another authenticator's backup: the app reads it (and keeps it while asking the password).
async function importBackup(file) {
  if (!file) return;
  if (file.size > 16 * 1024 * 1024) {
    openAdd(word("js-too-large-backup", { size: Math.round(file.size / 1048576) }));
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  await attempt("import_backup", bytes);
}

function manualEntry() {
  const form = $("#manual-form");
  const entry = {};
  for (const name of ["issuer", "label", "secret", "kind", "algorithm", "digits", "period", "counter"]) {
    entry[name] = form.elements[name].value;
  }
  return entry;
}

function syncKind() {
  const kind = $("#m-kind").value;
  for (const el of $$("#manual-form [data-for-kind]")) {
    el.hidden = el.dataset.forKind === "hotp" ? kind !== "hotp" : kind === "hotp";
  }
  $("#m-digits").disabled = kind === "steam";
}

// ---- Menus, editing, QR codes, deleting ---------------------------------------------------------

function openMenu(dialog, anchor) {
  const anchored = anchor && window.innerWidth >= 600;
  dialog.classList.toggle("anchored", Boolean(anchored));
  dialog.style.left = "";
  dialog.style.top = "";
  dialog.showModal();
  if (anchored) {
    const box = anchor.getBoundingClientRect();
    const width = dialog.offsetWidth, height = dialog.offsetHeight;
    dialog.style.left = `${Math.max(8, Math.min(box.right - width, window.innerWidth - width - 8))}px`;
    dialog.style.top = `${Math.max(8, Math.min(box.bottom + 4, window.innerHeight - height - 8))}px`;
  }
  const first = $("[role=menuitem]:not([hidden])", dialog);
  if (first) first.focus();
}

function openRowMenu(row, anchor) {
  menuRow = row;
  const menu = $("#row-menu");
  $("#row-menu-title").textContent = nameOf(row);
  $('[data-menu="pin"]', menu).textContent = row.dataset.favourite === "true" ? word("js-unpin") : word("menu-pin");
  const orphan = row.classList.contains("orphan");
  $('[data-menu="copy"]', menu).hidden = orphan;
  $('[data-menu="qr"]', menu).hidden = orphan;
  const linked = row.dataset.linked === "true";
  $('[data-menu="activity"]', menu).hidden = !linked;
  $('[data-menu="unlink"]', menu).hidden = !linked;
  $('[data-menu="link"]', menu).hidden = linked;
  $('[data-menu="up"]', menu).hidden = !customOrder();
  $('[data-menu="down"]', menu).hidden = !customOrder();
  openMenu(menu, anchor || row);
}

async function change(cmd, args, focusId) {
  try { showAccounts(await invoke(cmd, args), focusId); }
  catch (error) { toast(messageOf(error)); }
}

function askDelete(row) {
  $("#delete-text").textContent = word("js-delete-text", { name: nameOf(row) });
  $("#delete-error").textContent = "";
  openFor($("#delete-dialog"), row.dataset.id);
}

function openEdit(row) {
  $("#edit-issuer").value = row.dataset.issuer;
  $("#edit-label").value = row.dataset.label;
  $("#edit-groups").value = row.dataset.groups.split("\n").filter(Boolean).join(", ");
  $("#edit-error").textContent = "";
  openFor($("#edit-dialog"), row.dataset.id);
  $("#edit-issuer").focus();
}

// ---- Icons -------------------------------------------------------------------------------------

// The "Icon…" dialog: automatic, the initial, or a bundled icon found by name. Its list is drawn
// on demand and dropped on close, so the page keeps no icon it does not show.
async function showIconChoices() {
  const dialog = $("#icon-dialog");
  try {
    $("#icon-list").innerHTML = await invoke("icon_choices", { id: dialog.dataset.account, query: $("#icon-search").value });
    $("#icon-error").textContent = "";
  } catch (error) { $("#icon-error").textContent = messageOf(error); }
}

function openIcons(row) {
  $("#icon-for").textContent = nameOf(row);
  $("#icon-search").value = "";
  $("#icon-error").textContent = "";
  openFor($("#icon-dialog"), row.dataset.id);
  showIconChoices();
  $("#icon-search").focus();
}

async function chooseIcon(button) {
  const dialog = $("#icon-dialog");
  const id = dialog.dataset.account;
  try {
    showAccounts(await invoke("set_account_icon", { id, icon: button.dataset.icon }), id);
    dialog.close();
  } catch (error) { $("#icon-error").textContent = messageOf(error); }
}

function askQr(row) {
  $("#qr-text").textContent = word("js-qr-text", { name: nameOf(row) });
  $("#qr-ask").hidden = false;
  $("#qr-body").hidden = true;
  $("#qr-body").replaceChildren();
  $("#qr-done").hidden = true;
  $("#qr-error").textContent = "";
  openFor($("#qr-dialog"), row.dataset.id);
}

async function runMenu(what) {
  const row = menuRow;
  $$("dialog.menu[open]").forEach((d) => d.close());
  if (what === "settings") {
    $("#settings-error").textContent = "";
    $("#settings-dialog").showModal();
    try { showBackups(await invoke("backup_settings")); } catch (error) { $("#settings-backups").textContent = messageOf(error); }
    try { showLockState(await invoke("app_lock_settings")); } catch (error) { $("#settings-lock").textContent = messageOf(error); }
    return;
  }
  if (what === "backups") { openBackups(); return; }
  if (what === "lock") { try { show(await invoke("lock_app")); } catch (error) { toast(messageOf(error)); } return; }
  if (what === "about") { $("#about-dialog").showModal(); return; }
  if (what === "export") {
    $("#export-form").reset();
    $("#export-error").textContent = "";
    $("#export-dialog").showModal();
    $("#export-password").focus();
    return;
  }
  if (!row) return;
  const id = row.dataset.id;
  if (what === "copy") copy(row);
  else if (what === "pin") change("set_favourite", { id, favourite: row.dataset.favourite !== "true" }, id);
  else if (what === "up") change("move_account", { id, by: -1 }, id);
  else if (what === "down") change("move_account", { id, by: 1 }, id);
  else if (what === "edit") openEdit(row);
  else if (what === "icon") openIcons(row);
  else if (what === "qr") askQr(row);
  else if (what === "delete") askDelete(row);
  else if (what === "activity") openActivity(id);
  else if (what === "unlink") { change("unlink_account", { id }, id); showOverview(); }
  else if (what === "link") {
    $("#link-text").textContent = word("js-link-text", { name: nameOf(row) });
    $("#link-url").value = "";
    $("#link-error").textContent = "";
    openFor($("#link-dialog"), id);
  }
}

// ---- Automatic backups ---------------------------------------------------------------------------

// Fills the backups dialog (and the line in Settings) from what the vault says.
function showBackups(view) {
  const when = view.last_at ? new Date(view.last_at * 1000).toLocaleString(pageLocale()) : null;
  const file = view.last_file ? view.last_file.split(/[\\/]/).pop() : "";
  const state = !view.on ? word("js-backups-off")
    : when ? (file ? word("js-backups-last-file", { when, file }) : word("js-backups-last", { when }))
    : word("js-backups-none");
  $("#backups-state").textContent = state;
  $("#settings-backups").textContent = !view.on ? word("js-off") : when ? word("js-backups-summary-last", { when }) : word("js-on");
  const failure = $("#backups-failure");
  failure.hidden = !(view.on && view.last_error);
  failure.textContent = view.on && view.last_error ? word("js-backups-failed", { error: view.last_error }) : "";
  $("#backups-folder").value = view.folder;
  $("#backups-keep").value = String(view.keep);
  $("#backups-password-hint").textContent = view.on
    ? word("js-backups-hint-on")
    : word("js-backups-hint-off");
  $("#backups-off").hidden = !view.on;
  $("#backups-now").hidden = !view.on;
  $("#backups-save").textContent = view.on ? word("save") : word("turn-on");
}

async function openBackups() {
  $$("dialog[open]").forEach((d) => { if (d.id !== "backups-dialog") d.close(); });
  $("#backups-error").textContent = "";
  $("#backups-password").value = "";
  $("#backups-again").value = "";
  try { showBackups(await invoke("backup_settings")); } catch (error) { $("#backups-error").textContent = messageOf(error); }
  $("#backups-dialog").showModal();
  $("#backups-folder").focus();
}

async function backupsDo(command, message) {
  $("#backups-error").textContent = "";
  try {
    showBackups(await invoke(command));
    toast(message);
    pollActivity();
  } catch (error) { $("#backups-error").textContent = messageOf(error); }
}

// ---- Forms -------------------------------------------------------------------------------------

// Every named field of a form, by its type: checkboxes as booleans, numbers as numbers, the
// checked radio button's value. The settings dialog saves this whole, so a setting added to the
// dialog is saved without a line here (a field left out would be reset on every save).
function formValues(form) {
  const values = {};
  for (const field of form.elements) {
    if (!field.name || field.disabled) continue;
    if (field.type === "checkbox") values[field.name] = field.checked;
    else if (field.type === "radio") { if (field.checked) values[field.name] = field.value; }
    else if (field.type === "number") values[field.name] = Number(field.value);
    else values[field.name] = field.value;
  }
  return values;
}

// ---- Updates -----------------------------------------------------------------------------------

function updateDialog(text, { install = false, restart = false, error = "" } = {}) {
  const dialog = $("#update-dialog");
  $("#update-text").textContent = text;
  $("#update-error").textContent = error;
  const notes = $("#update-notes");
  const offer = install && updateOffer;
  notes.textContent = (offer && offer.notes) || "";
  notes.hidden = !(offer && offer.notes);
  $("#update-install").hidden = !install;
  $("#update-restart").hidden = !restart;
  $("#update-later").textContent = word(restart ? "later" : (install ? "not-now" : "close"));
  for (const button of $$("button", dialog)) button.disabled = false;
  if (!dialog.open) dialog.showModal();
}

function offerUpdate(offer) {
  updateOffer = offer;
  updateDialog(word("js-update-offer", { version: offer.version, current: offer.current }), { install: true });
}

async function checkUpdate() {
  $$("dialog[open]").forEach((d) => { if (d.id !== "update-dialog") d.close(); });
  updateDialog(word("js-update-checking"));
  try {
    const offer = await invoke("check_update");
    if (offer) offerUpdate(offer);
    else updateDialog(word("js-update-newest", { version: $(".shell").dataset.version }));
  } catch (error) { updateDialog("", { error: messageOf(error) }); }
}

async function installUpdate() {
  const version = updateOffer ? updateOffer.version : "";
  updateDialog(word("js-update-installing", { version }));
  for (const button of $$("#update-dialog button")) button.disabled = true;
  try {
    const installed = await invoke("install_update");
    updateOffer = null;
    updateInstalled = true;
    $("#update-banner").hidden = true;
    updateDialog(word("js-update-installed", { version: installed }), { restart: true });
  } catch (error) {
    updateDialog("", { install: Boolean(updateOffer), error: messageOf(error) });
  }
}

// ---- Events ------------------------------------------------------------------------------------

// What each `data-action` does, given the element and the account row it is in (if any).
const actions = {
  add: () => openAdd(),
  close: (el) => el.closest("dialog").close(),
  retry: () => render(),
  "unlock-keychain": async () => {
    $("#unlock-error").textContent = "";
    try { await invoke("unlock_keychain"); render(); }
    catch (error) { const shown = $("#unlock-error"); if (shown) shown.textContent = messageOf(error); }
  },
  "check-update": () => checkUpdate(),
  "open-backups": () => openBackups(),
  "open-lock": () => openLock(),
  "turn-off-lock": () => lockDo("turn_off_app_lock", { password: $("#lock-password").value }, word("js-lock-turned-off")),
  "turn-off-backups": () => backupsDo("turn_off_backups", word("js-backups-turned-off")),
  "back-up-now": () => backupsDo("back_up_now", word("js-backed-up")),
  "review-update": () => { if (updateOffer) offerUpdate(updateOffer); },
  "install-update": () => installUpdate(),
  "restart-app": () => invoke("restart_app").catch((error) => updateDialog("", { error: messageOf(error) })),
  "open-activity": (el, row) => {
    const holder = el.closest("[data-account]");
    const id = row ? row.dataset.id : holder && holder.dataset.account;
    if (id) openActivity(id);
  },
  "close-activity": () => showOverview(),
  "older-activity": (el) => showOlder(el),
  "send-document": () => $("#document-input").click(),
  "app-menu": (el) => openMenu($("#app-menu"), el),
  "row-menu": (el, row) => { if (row) openRowMenu(row, el); },
  "choose-icon": (el) => chooseIcon(el),
  "choose-file": () => $("#file-input").click(),
  "import-backup": () => $("#backup-input").click(),
  "scan-screen": () => attempt("scan_screen"),
  paste: () => attempt("scan_clipboard"),
  manual: () => { clearErrors(); $("#manual-form").reset(); syncKind(); step("manual-form"); },
  back: () => { invoke("cancel_add").catch(() => {}); clearErrors(); step("add-choose"); },
  next: (el, row) => { if (row) nextCode(row); },
  verdict: (el) => askVerdict(el),
  "confirm-not-mine": () => confirmNotMine(),
  "end-session": (el) => askEndSession(el),
  "confirm-end-session": () => confirmEndSession(),
  "secure-account": () => askSecure(openAccount),
  "confirm-secure": () => confirmSecure(),
  "confirm-delete": () => confirmDelete(),
  "confirm-qr": () => confirmQr(),
};

async function showOlder(button) {
  const id = openAccount;
  if (!id) return;
  button.disabled = true;
  try {
    const html = await invoke("older_activity", { id });
    if (openAccount === id) { setTrustedHtml(detail(), html); placeSessions(); }
  } catch (error) { button.disabled = false; toast(messageOf(error)); }
}

async function nextCode(row) {
  try { await invoke("next_code", { id: row.dataset.id }); tick(); }
  catch (error) { toast(messageOf(error)); }
}

async function askVerdict(button) {
  const card = button.closest("[data-event]");
  const holder = button.closest("[data-account]");
  const accountId = holder ? holder.dataset.account : openAccount;
  if (button.dataset.verdict === "not_mine") {
    $("#not-mine-error").textContent = "";
    openFor($("#not-mine-dialog"), accountId, card.dataset.event);
  } else {
    try { await answer(accountId, card.dataset.event, "mine"); } catch (error) { toast(messageOf(error)); }
  }
}

async function confirmNotMine() {
  const dialog = $("#not-mine-dialog");
  try {
    await answer(dialog.dataset.account, dialog.dataset.event, "not_mine");
    dialog.close();
    // The next thing to do: throw the intruder out.
    askSecure(dialog.dataset.account);
  } catch (error) { $("#not-mine-error").textContent = messageOf(error); }
}

async function confirmDelete() {
  const dialog = $("#delete-dialog");
  try { showAccounts(await invoke("remove_account", { id: dialog.dataset.account })); dialog.close(); }
  catch (error) { $("#delete-error").textContent = messageOf(error); }
}

async function confirmQr() {
  try {
    setTrustedHtml($("#qr-body"), await invoke("account_qr", { id: $("#qr-dialog").dataset.account }));
    $("#qr-ask").hidden = true;
    $("#qr-body").hidden = false;
    $("#qr-done").hidden = false;
    $("#qr-done button").focus();
  } catch (error) { $("#qr-error").textContent = messageOf(error); }
}

document.addEventListener("click", (event) => {
  if (swallowClick) { swallowClick = false; event.preventDefault(); return; }
  const menuItem = event.target.closest("[data-menu]");
  if (menuItem) { runMenu(menuItem.dataset.menu); return; }
  const openMenuDialog = event.target.closest("dialog.menu");
  if (openMenuDialog && event.target === openMenuDialog) { openMenuDialog.close(); return; }
  const row = event.target.closest(".row");
  const action = event.target.closest("[data-action]");
  if (action) {
    event.stopPropagation();
    const run = actions[action.dataset.action];
    if (run) run(action, row);
    return;
  }
  if (row && !event.target.closest("button")) copy(row);
});

setInterval(pollActivity, 5000);

document.addEventListener("submit", async (event) => {
  const form = event.target;
  event.preventDefault();
  if (form.id === "unlock-app-form") {
    $("#app-password-error").textContent = "";
    const button = $("button[type=submit]", form);
    button.disabled = true;
    try { show(await invoke("unlock_app", { password: $("#app-password").value })); }
    catch (error) {
      $("#app-password-error").textContent = messageOf(error);
      $("#app-password").select();
    } finally { button.disabled = false; }
  } else if (form.id === "lock-form") {
    await lockDo("save_app_lock", {
      password: $("#lock-password").value, again: $("#lock-again").value,
      idleMinutes: Number($("#lock-minutes").value),
    }, word("js-lock-turned-on"));
  } else if (form.id === "uri-form") {
    await attempt("add_uri", { uri: $("#add-uri").value });
  } else if (form.id === "export-form") {
    const password = $("#export-password").value, again = $("#export-again").value;
    $("#export-error").textContent = "";
    try {
      const message = await invoke("export_backup", { password, again });
      $("#export-form").reset();
      $("#export-dialog").close();
      toast(message);
    } catch (error) { $("#export-error").textContent = messageOf(error); }
  } else if (form.id === "backups-form") {
    const keep = Number($("#backups-keep").value);
    $("#backups-error").textContent = "";
    if (!Number.isInteger(keep) || keep < 1 || keep > 1000) {
      $("#backups-error").textContent = word("js-keep-range");
      return;
    }
    const args = { folder: $("#backups-folder").value, keep,
      password: $("#backups-password").value, again: $("#backups-again").value };
    $("#backups-password").value = "";
    $("#backups-again").value = "";
    try {
      showBackups(await invoke("save_backups", args));
      toast(word("js-backups-turned-on"));
    } catch (error) { $("#backups-error").textContent = messageOf(error); }
  } else if (form.id === "backup-password-form") {
    const password = $("#backup-password").value;
    $("#backup-password").value = "";
    await attempt("import_backup_password", { password }, '#backup-password-form [data-error-for="backup-password"]');
  } else if (form.id === "manual-form") {
    clearErrors();
    await attempt("add_manual", { entry: manualEntry() }, '#manual-form [data-error-for="form"]');
  } else if (form.id === "preview-form") {
    const picks = $$('#preview-form input[name="pick"]:checked').map((box) => Number(box.value));
    const links = $$('#preview-form input[name="link"]:checked').map((box) => Number(box.value));
    if (picks.length === 0) {
      $('#preview-form [data-error-for="preview"]').textContent = word("js-tick-one");
      return;
    }
    await attempt("confirm_add", { picks, links }, '#preview-form [data-error-for="preview"]');
  } else if (form.id === "link-form") {
    const id = $("#link-dialog").dataset.account;
    try {
      showAccounts(await invoke("link_account", { id, url: $("#link-url").value }), id);
      $("#link-dialog").close();
      toast(word("js-linked"));
    } catch (error) { $("#link-error").textContent = messageOf(error); }
  } else if (form.id === "edit-form") {
    const id = $("#edit-dialog").dataset.account;
    try {
      showAccounts(await invoke("rename_account", {
        id, issuer: $("#edit-issuer").value, label: $("#edit-label").value, groups: $("#edit-groups").value,
      }), id);
      $("#edit-dialog").close();
      toast(word("js-saved"));
    } catch (error) { $("#edit-error").textContent = messageOf(error); }
  } else if (form.id === "settings-form") {
    const seconds = Number(form.elements.clipboard_seconds.value);
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) {
      $("#settings-error").textContent = word("js-seconds-range");
      return;
    }
    const settings = formValues(form);
    try {
      await invoke("save_settings", { settings });
      if ((settings.language || "system") !== ($(".shell").dataset.chosenLanguage || "system")) {
        // Another language: the whole page is drawn again in it.
        $("#settings-dialog").close();
        show(await invoke("render_app"));
        toast(word("js-settings-saved"));
        return;
      }
      const shell = $(".shell");
      shell.dataset.theme = settings.theme;
      shell.dataset.showNext = String(settings.show_next);
      applySettings();
      $("#settings-dialog").close();
      toast(word("js-settings-saved"));
      // The codes first: the banner that says how they are computed comes after them.
      await tick();
      pollActivity();
    } catch (error) { $("#settings-error").textContent = messageOf(error); }
  }
});

document.addEventListener("change", (event) => {
  if (event.target.id === "file-input") {
    const file = event.target.files[0];
    event.target.value = "";
    scanFile(file);
  } else if (event.target.id === "backup-input") {
    const file = event.target.files[0];
    event.target.value = "";
    importBackup(file);
  } else if (event.target.id === "group-filter") {
    currentGroup = event.target.value;
    filter($("#search") ? $("#search").value : "");
  } else if (event.target.id === "sort-order") {
    const sort = event.target.value;
    invoke("set_sort", { sort }).then((html) => {
      $("#s-sort").value = sort;
      showAccounts(html);
    }).catch((error) => toast(messageOf(error)));
  } else if (event.target.id === "m-kind") syncKind();
  else if (event.target.id === "document-input") {
    const file = event.target.files[0];
    event.target.value = "";
    sendDocument(file);
  }
});

document.addEventListener("close", (event) => {
  if (event.target.id === "add-dialog" && !$("#preview-form").hidden) {
    invoke("cancel_add").catch(() => {});
    $("#preview-body").replaceChildren();
  }
  if (event.target.id === "qr-dialog") $("#qr-body").replaceChildren();
  if (event.target.id === "icon-dialog") $("#icon-list").replaceChildren();
}, true);

let iconSearch = null;
document.addEventListener("input", (event) => {
  if (event.target.id === "search") filter(event.target.value);
  if (event.target.id === "icon-search") {
    clearTimeout(iconSearch);
    iconSearch = setTimeout(showIconChoices, 120);
  }
});

document.addEventListener("contextmenu", (event) => {
  const row = event.target.closest(".row");
  if (row) { event.preventDefault(); openRowMenu(row, null); }
});

// Long press on touch screens opens the row menu.
document.addEventListener("pointerdown", (event) => {
  const row = event.target.closest(".row");
  if (!row || event.pointerType !== "touch") return;
  longPress = setTimeout(() => { swallowClick = true; openRowMenu(row, null); }, 550);
});
for (const type of ["pointerup", "pointercancel", "pointermove"]) {
  document.addEventListener(type, () => clearTimeout(longPress));
}

// Dropping: a picture or an otpauth link anywhere on the window adds it; a row dragged onto
// another row moves there.
document.addEventListener("dragstart", (event) => {
  const row = event.target.closest && event.target.closest(".row");
  if (row && customOrder()) { event.dataTransfer.setData(ROW_TYPE, row.dataset.id); event.dataTransfer.effectAllowed = "move"; }
});
document.addEventListener("dragover", (event) => {
  event.preventDefault();
  const moving = event.dataTransfer.types.includes(ROW_TYPE);
  document.body.classList.toggle("dropping", !moving);
  $$(".row.drop-target").forEach((r) => r.classList.remove("drop-target"));
  const row = moving && event.target.closest(".row");
  if (row) row.classList.add("drop-target");
});
document.addEventListener("dragleave", (event) => {
  if (!event.relatedTarget) document.body.classList.remove("dropping");
});
document.addEventListener("drop", async (event) => {
  event.preventDefault();
  document.body.classList.remove("dropping");
  $$(".row.drop-target").forEach((r) => r.classList.remove("drop-target"));
  const moved = event.dataTransfer.getData(ROW_TYPE);
  if (moved) {
    const target = event.target.closest(".row");
    if (!target || target.dataset.id === moved) return;
    const ids = $$("#list .row").map((r) => r.dataset.id).filter((id) => id !== moved);
    ids.splice(ids.indexOf(target.dataset.id), 0, moved);
    change("reorder_accounts", { ids }, moved);
    return;
  }
  const file = Array.from(event.dataTransfer.files || []).find((f) => f.type.startsWith("image/"));
  if (file) { scanFile(file); return; }
  // Any other file is taken for a backup (the app says what it is, or that it is not one).
  if (event.dataTransfer.files && event.dataTransfer.files.length > 0) {
    importBackup(event.dataTransfer.files[0]);
    return;
  }
  const text = event.dataTransfer.getData("text/plain");
  if (text && text.trim().toLowerCase().startsWith("otpauth")) attempt("add_uri", { uri: text });
});

// Pasting a picture or an otpauth link (outside a text field) adds it.
document.addEventListener("paste", (event) => {
  const field = event.target.closest && event.target.closest("input, textarea");
  const data = event.clipboardData;
  const file = data && Array.from(data.files || []).find((f) => f.type.startsWith("image/"));
  const text = data ? data.getData("text/plain") : "";
  const link = text.trim().toLowerCase().startsWith("otpauth");
  if (file && !field) { event.preventDefault(); scanFile(file); }
  else if (link && (!field || field.id === "search")) { event.preventDefault(); attempt("add_uri", { uri: text }); }
});

document.addEventListener("keydown", (event) => {
  const menu = event.target.closest && event.target.closest("dialog.menu");
  if (menu && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    event.preventDefault();
    const items = $$("[role=menuitem]", menu).filter((b) => !b.hidden);
    const at = items.indexOf(document.activeElement);
    const next = event.key === "ArrowDown" ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next].focus();
    return;
  }
  if ($("dialog[open]")) return;
  const search = $("#search");
  const rows = visibleRows();
  const index = rows.indexOf(document.activeElement);
  if (index >= 0 && event.altKey && customOrder() && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    event.preventDefault();
    const id = rows[index].dataset.id;
    change("move_account", { id, by: event.key === "ArrowDown" ? 1 : -1 }, id);
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const next = event.key === "ArrowDown" ? Math.min(index + 1, rows.length - 1) : Math.max(index - 1, 0);
    if (rows[next]) rows[next].focus();
  } else if (event.key === "Enter" && (index >= 0 || document.activeElement === search)) {
    const row = index >= 0 ? rows[index] : rows[0];
    if (row && !event.target.closest("button")) { event.preventDefault(); copy(row); }
  } else if (event.key === " " && index >= 0 && event.target === rows[index]) {
    // Space on a row says its code and the seconds left (the description, read on focus, too).
    event.preventDefault();
    const say = spokenCodes.get(rows[index].dataset.id);
    if (say) announce(say);
  } else if ((event.key === "ContextMenu" || (event.shiftKey && event.key === "F10")) && index >= 0) {
    event.preventDefault();
    openRowMenu(rows[index], null);
  } else if (event.key === "Delete" && index >= 0) {
    askDelete(rows[index]);
  } else if (event.key === "Escape" && search) {
    search.value = ""; filter(""); search.focus();
  } else if (search && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey
             && document.activeElement !== search) {
    search.focus();
  }
});

setInterval(tick, 1000);
window.addEventListener("DOMContentLoaded", render);
