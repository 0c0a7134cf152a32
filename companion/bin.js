#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on load so `npm ci` is the only build step.
import { register } from "tsx/esm/api";

register();
await import("./cli.ts");
