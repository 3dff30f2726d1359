// Starts the right WebAssembly app for the page: the small start app
// (language, information, login, consent), after login the form app (also
// under /together/, a counsellor registering with the applicant), or
// under /caseworker/ the back office with its own style sheet.
// A separate file (not inline) so that the content security policy can
// forbid inline scripts.
const path = location.pathname;
const cw = /^\/caseworker(\/|$)/.test(path);
// Until the app is ready, the page shows boot-status (index.html; the app
// removes it): here it gets the device's language (the choice the app keeps,
// else the browser's) and the page its direction, before any WebAssembly
// arrives. The words are the `loading` key of each frontend/locales/*.ftl.
const loading = {
  sq: "Po ngarkohet…", ar: "جارٍ التحميل…", prs: "در حال بارگیری…", en: "Loading…", fa: "در حال بارگذاری…",
  fr: "Chargement…", kmr: "Tê barkirin…", ckb: "بار دەکرێت…", nb: "Laster …", om: "Fe'amaa jira…",
  ps: "بارېږي…", ru: "Загрузка…", so: "Waa la soo rarayaa…", ti: "ይጽዕን ኣሎ…",
};
const known = (l) => (loading.hasOwnProperty(l) ? l : null);
// As Lang::negotiate: fa-AF is Dari, ku Kurmanji, no and nn bokmål.
const pick = (tag) => {
  const [p, r] = tag.toLowerCase().split(/[-_]/);
  return p === "fa" && r === "af" ? "prs" : p === "ku" ? "kmr" : p === "no" || p === "nn" ? "nb" : known(p);
};
let lang = null;
try { lang = known(localStorage.getItem("kartlegg.lang")); } catch {}
lang = lang || (navigator.languages || []).map(pick).find(Boolean) || "en";
const status = document.getElementById("boot-status");
// The back office has its own two languages and stays as the page says.
if (status && !cw) {
  document.documentElement.lang = lang === "prs" ? "fa-AF" : lang;
  document.documentElement.dir = /^(ar|prs|fa|ps|ckb)$/.test(lang) ? "rtl" : "ltr";
  status.textContent = loading[lang];
}
if (cw) document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/assets/{{CW_CSS}}" }));
const form = !cw && /^\/(form|summary|done|my-data)(\/|$)/.test(path);
// A counsellor registering together with the applicant: the same form
// bundle, in the counsellor's session (no early requests, no service worker).
const together = /^\/together(\/|$)/.test(path);
// The form's first two questions go out now, while its bundle is on its
// way, instead of after it has started: one round trip less on a phone
// (the form app takes the answers: core::http::early).
if (form) {
  globalThis.kartleggEarly = {
    session: fetch("/api/v1/applicant/session"),
    registration: fetch("/api/v1/applicant/registration"),
  };
}
const [js, wasm] = cw
  ? ["./{{CW_JS}}", "/assets/{{CW_WASM}}"]
  : form || together
    ? ["./{{FORM_JS}}", "/assets/{{FORM_WASM}}"]
    : ["./{{JS}}", "/assets/{{WASM}}"];
import(js).then((app) => app.default({ module_or_path: wasm }));
// The applicant's service worker (sw.js), registered once the page has
// loaded so that it never competes with the page's own files. A newer
// version that installed during an earlier visit is taken now, at the start
// of this one, with one reload, so that no page mixes two versions' files.
if ("serviceWorker" in navigator && !cw && !together) {
  const workers = navigator.serviceWorker;
  const hadController = Boolean(workers.controller);
  workers.addEventListener("controllerchange", () => { if (hadController) location.reload(); });
  addEventListener("load", () => {
    workers.register("/sw.js").then((registration) => {
      if (registration.waiting && hadController) registration.waiting.postMessage("activate");
    }).catch(() => {});
  });
}
