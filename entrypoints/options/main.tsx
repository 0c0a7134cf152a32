import { render } from "preact";

render(<p>TikTok Hashtag Analysis</p>, document.getElementById("app")!);
