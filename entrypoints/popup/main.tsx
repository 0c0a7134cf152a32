import { render } from "preact";
import { browserBridge } from "./browser-bridge.ts";
import { PopupApp } from "./popup-app.tsx";
import "./popup.css";

const root = document.getElementById("app");
if (!root) throw new Error("popup.html has no #app element");
render(<PopupApp bridge={browserBridge()} />, root);
