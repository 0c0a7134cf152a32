// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectionSettings } from "../companion/connection-settings.ts";
import { PairingPanel, type PairingStore } from "./pairing-panel.tsx";

const token = "Zm9vYmFyYmF6cXV4LXRva2VuLWZvci10ZXN0aW5nXzEy";

const memoryStore = () => {
  let settings: ConnectionSettings = { baseUrl: "http://127.0.0.1:17717", token: null };
  const store: PairingStore = {
    read: async () => settings,
    write: async (change) => {
      settings = { ...settings, ...change };
      return settings;
    },
    paired: vi.fn(),
  };
  return { store, current: () => settings };
};

afterEach(cleanup);

describe("PairingPanel", () => {
  it("stores the token from the ?token= link, takes it out of the address and confirms", async () => {
    const { store, current } = memoryStore();
    const replaceHref = vi.fn();
    render(
      <PairingPanel
        store={store}
        href={`chrome-extension://id/options.html?token=${token}&url=http%3A%2F%2F127.0.0.1%3A4567#/`}
        replaceHref={replaceHref}
      />,
    );
    expect((await screen.findByRole("status")).textContent).toBe(
      "Paired with the companion at http://127.0.0.1:4567.",
    );
    expect(current()).toEqual({ baseUrl: "http://127.0.0.1:4567", token });
    expect(replaceHref).toHaveBeenCalledWith("chrome-extension://id/options.html#/");
    expect(store.paired).toHaveBeenCalledOnce();
  });

  it("refuses a bad link without storing anything", async () => {
    const { store, current } = memoryStore();
    render(
      <PairingPanel
        store={store}
        href="chrome-extension://id/options.html?token=%3Cscript%3E"
        replaceHref={vi.fn()}
      />,
    );
    expect((await screen.findByRole("alert")).textContent).toContain("not a companion token");
    expect(current().token).toBeNull();
  });

  it("pairs from a pasted token, checking it and the address first", async () => {
    const { store, current } = memoryStore();
    render(<PairingPanel store={store} href="chrome-extension://id/options.html" replaceHref={vi.fn()} />);
    await screen.findByText(/Not paired yet/);
    fireEvent.input(screen.getByLabelText("Companion address"), { target: { value: "http://example.org" } });
    fireEvent.input(screen.getByLabelText("Token"), { target: { value: token } });
    fireEvent.click(screen.getByRole("button", { name: "Pair" }));
    expect((await screen.findByRole("alert")).textContent).toContain("http://127.0.0.1:<port>");
    expect(current().token).toBeNull();
    fireEvent.input(screen.getByLabelText("Companion address"), {
      target: { value: "http://127.0.0.1:17717" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Pair" }));
    await waitFor(() => expect(current().token).toBe(token));
    expect(await screen.findByText(/holds a token for the companion/)).toBeTruthy();
  });
});
