// Starts the right WebAssembly app for the page: the small start app
// (language, information, login, consent), after login the form app, or
// under /caseworker/ the back office (with its own style sheet).
// A separate file (not inline) so that the content security policy can
// forbid inline scripts.
const path = location.pathname;
let js = "./{{JS}}", wasm = "/assets/{{WASM}}";
if (/^\/caseworker(\/|$)/.test(path)) {
  [js, wasm] = ["./{{CW_JS}}", "/assets/{{CW_WASM}}"];
  const css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = "/assets/{{CW_CSS}}";
  document.head.append(css);
} else if (/^\/(form|summary|done|my-data)(\/|$)/.test(path)) {
  [js, wasm] = ["./{{FORM_JS}}", "/assets/{{FORM_WASM}}"];
}
import(js).then((app) => app.default({ module_or_path: wasm }));
