// Starts the right WebAssembly app for the page: the small start app
// (language, information, login, consent) or, after login, the form app.
// A separate file (not inline) so that the content security policy can
// forbid inline scripts.
const form = /^\/(form|summary|done|my-data)(\/|$)/.test(location.pathname);
const [js, wasm] = form
  ? ["./{{FORM_JS}}", "/assets/{{FORM_WASM}}"]
  : ["./{{JS}}", "/assets/{{WASM}}"];
import(js).then((app) => app.default({ module_or_path: wasm }));
