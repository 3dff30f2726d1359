// Starts the WebAssembly app. A separate file (not inline) so that the
// content security policy can forbid inline scripts.
import init from "./{{JS}}";
init({ module_or_path: "/assets/{{WASM}}" });
