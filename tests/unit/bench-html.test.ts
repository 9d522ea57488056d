import { describe, expect, it } from "vitest";
import { flightPayload, inlineScriptBytes, messageNamespaces, scriptSources } from "@/bench/html";

/** A page as Next.js 16 sends it: script files, and the RSC payload split over push calls. */
function page(payloadParts: string[]) {
  const pushes = payloadParts.map((p) => `<script>self.__next_f.push([1,${JSON.stringify(p)}])</script>`).join("");
  return `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js?dpl=x&amp;v=1" async=""></script><script src="/_next/static/chunks/a.js" async=""></script></head><body>${pushes}</body></html>`;
}

describe("bench/html.ts", () => {
  it("lists each script file once, entities decoded", () => {
    expect(scriptSources(page([]))).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=x&v=1"]);
  });

  it("joins the payload pushes and finds the provider's message namespaces across them", () => {
    const messages = { common: { save: "Save {name}", q: 'a "quoted" } brace' }, garage: { title: "Garage" } };
    const json = `5:["$","$L6",null,{"locale":"en","messages":${JSON.stringify(messages)},"children":"$L7"}]\n`;
    const html = page([json.slice(0, 40), json.slice(40)]);
    expect(flightPayload(html)).toBe(json);
    const found = messageNamespaces(html);
    expect(found.namespaces).toEqual(["common", "garage"]);
    expect(found.bytes).toBe(Buffer.byteLength(JSON.stringify(messages)));
  });

  it("finds no namespaces on a page without messages, and counts inline script bytes only", () => {
    const html = page(['1:"$Sreact.fragment"\n']);
    expect(messageNamespaces(html)).toEqual({ namespaces: [], bytes: 0 });
    expect(inlineScriptBytes(html)).toBe(Buffer.byteLength(`self.__next_f.push([1,${JSON.stringify('1:"$Sreact.fragment"\n')}])`));
  });
});
