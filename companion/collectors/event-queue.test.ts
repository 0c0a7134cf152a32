import { describe, expect, it } from "vitest";
import { EventQueue } from "./event-queue.ts";

describe("EventQueue", () => {
  it("delivers values pushed before and after a take, then the close error", async () => {
    const queue = new EventQueue<number>();
    queue.push(1);
    expect(await queue.take()).toEqual({ kind: "value", value: 1 });
    const second = queue.take();
    queue.push(2);
    expect(await second).toEqual({ kind: "value", value: 2 });
    queue.push(3);
    queue.close(new Error("captcha"));
    expect(await queue.take()).toEqual({ kind: "value", value: 3 });
    await expect(queue.take()).rejects.toThrow("captcha");
  });

  it("times out when nothing arrives", async () => {
    const queue = new EventQueue<number>();
    expect(await queue.take(10)).toEqual({ kind: "timeout" });
    queue.push(4);
    expect(await queue.take(10)).toEqual({ kind: "value", value: 4 });
  });

  it("iterates until closed", async () => {
    const queue = new EventQueue<string>();
    setTimeout(() => {
      queue.push("a");
      queue.push("b");
      queue.close();
    }, 5);
    const seen: string[] = [];
    for await (const value of queue) seen.push(value);
    expect(seen).toEqual(["a", "b"]);
  });
});
