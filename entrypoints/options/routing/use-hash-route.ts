import { useEffect, useState } from "preact/hooks";
import { parseRoute, type Route } from "./hash-route.ts";

/** The page the address names, following Back, Forward and links that change the hash. */
export const useHashRoute = (): Route => {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
};
