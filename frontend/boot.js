// Starts the right WebAssembly app for the page: the small start app
// (language, information, login, consent), after login the form app, or
// under /caseworker/ the back office with its own style sheet.
// A separate file (not inline) so that the content security policy can
// forbid inline scripts.
const path = location.pathname;
const cw = /^\/caseworker(\/|$)/.test(path);
if (cw) document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: "/assets/{{CW_CSS}}" }));
const [js, wasm] = cw
  ? ["./{{CW_JS}}", "/assets/{{CW_WASM}}"]
  : /^\/(form|summary|done|my-data)(\/|$)/.test(path)
    ? ["./{{FORM_JS}}", "/assets/{{FORM_WASM}}"]
    : ["./{{JS}}", "/assets/{{WASM}}"];
import(js).then((app) => app.default({ module_or_path: wasm }));
