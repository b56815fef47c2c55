import { describe, expect, it } from "vitest";
import { scene, type Json } from "../testing/scene.ts";
import { buildModel } from "./build-model.ts";

/** Every element's font size set to `size` (a board drawn large). */
const atFont = (elements: Json[], size: number): Json[] =>
  elements.map((e) =>
    e.type === "text"
      ? { ...e, fontSize: size, height: (e.height ?? 0) * (size / 16), width: (e.width ?? 0) * (size / 16) }
      : e,
  );

describe("labels", () => {
  it("a text in a zone's open space by an arrow's midpoint labels the arrow; the zone keeps its corner title", () => {
    const s = scene()
      .zone("z", "Analytics", { x: -50, y: -100, w: 900, h: 400 })
      .box("w", "Workers", { x: 0, y: 0 })
      .box("p", "Query planner", { x: 600, y: 0 })
      .arrow("a", "w", "p")
      .text("t", "signals segment written", { x: 380, y: 10 });
    const m = buildModel(s.elements);
    expect(m.edgeById.get("a")?.label).toBe("signals segment written");
    expect(m.boxById.get("z")?.label).toBe("Analytics");
  });

  it("distances grow with the type size: a 60 px label 90 px off the arrow is its label", () => {
    const s = scene()
      .box("a", "Video service", { x: 0, y: 0, w: 480, h: 240 })
      .box("b", "Metadata DB", { x: 1500, y: 0, w: 480, h: 240 })
      .arrow("e", "a", "b")
      .text("t", "Store metadata", { x: 990, y: 20 });
    const m = buildModel(atFont(s.elements, 60));
    expect(m.scale).toBe(3);
    expect(m.edgeById.get("e")?.label).toBe("Store metadata");
    // The same drawing in 16 px type: the text is far from the arrow.
    expect(
      buildModel(s.elements.map((e) => (e.id === "t" ? { ...e, y: (e.y ?? 0) - 90 } : e))).edgeById.get("e")?.label,
    ).toBe("");
  });

  it("twin arrows drawn side by side each keep their own label", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "DB", { x: 500, y: 0 })
      .arrow("w", "a", "b")
      .arrow("r", "b", "a");
    const els = s.elements.map((e) =>
      e.id === "w" ? { ...e, y: (e.y ?? 0) - 12 } : e.id === "r" ? { ...e, y: (e.y ?? 0) + 12 } : e,
    );
    const m = buildModel([
      ...els,
      ...scene().text("t1", "writes", { x: 250, y: 14 }).text("t2", "reads", { x: 250, y: 60 }).elements,
    ]);
    expect([m.edgeById.get("w")?.label, m.edgeById.get("r")?.label].sort()).toEqual(["reads", "writes"]);
  });

  it("footnotes and headings beside an arrow are not its label", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Redis", { x: 500, y: 0 })
      .arrow("e", "a", "b")
      .text("n", "* can split reads and writes later", { x: 330, y: 20 });
    expect(buildModel(s.elements).edgeById.get("e")?.label).toBe("");
    const titled = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Redis", { x: 500, y: 0 })
      .arrow("e", "a", "b")
      .text("h", "CHAT SYSTEM", { x: 330, y: 20 });
    const els = titled.elements.map((e) => (e.id === "h" ? { ...e, fontSize: 120 } : e));
    expect(buildModel(els).edgeById.get("e")?.label).toBe("");
  });

  it("a caption beside a tall bar names it", () => {
    const s = scene().box("bar", "", { x: 0, y: 0, w: 30, h: 300 }).text("cap", "URL frontier", { x: 110, y: 150 });
    expect(buildModel(s.elements).boxById.get("bar")?.label).toBe("URL frontier");
  });
});

describe("replies and pushes", () => {
  const pair = () =>
    scene()
      .box("c", "Coordinator", { x: 0, y: 0 })
      .box("q", "Message broker", { x: 400, y: 0 })
      .arrow("task", "c", "q")
      .arrow("done", "q", "c");

  it("the leftward arrow of a request/reply pair is the reply", () => {
    const els = pair().elements.map((e) => (e.id === "done" ? { ...e, y: (e.y ?? 0) + 20 } : e));
    const m = buildModel(els);
    expect(m.edgeById.get("task")?.role).toBe("request");
    expect(m.edgeById.get("done")?.role).toBe("reply");
  });

  it("labels say reply (an HTTP status, 'returns') or push (updates, notifications)", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Client", { x: 400, y: 0 })
      .box("c", "Shop", { x: 800, y: 0 })
      .arrow("r", "a", "b", { label: "6. 302 redirect URL" })
      .arrow("p", "a", "c", { label: "price updates" })
      .arrow("q", "b", "c", { label: "500 QPS" });
    const m = buildModel(s.elements);
    expect([m.edgeById.get("r")?.role, m.edgeById.get("p")?.role, m.edgeById.get("q")?.role]).toEqual([
      "reply",
      "push",
      "request",
    ]);
  });

  it("storage notifying a worker that writes back is two requests", () => {
    const s = scene()
      .box("s3", "S3", { x: 0, y: 0 })
      .box("w", "Transcoding service", { x: 400, y: 0 })
      .arrow("n", "s3", "w")
      .arrow("b", "w", "s3");
    const m = buildModel(s.elements.map((e) => (e.id === "b" ? { ...e, y: (e.y ?? 0) + 20 } : e)));
    expect(m.edgeById.get("b")?.role).toBe("request");
  });
});

describe("kinds read in context", () => {
  const kindOf = (label: string, extra: (s: ReturnType<typeof scene>) => ReturnType<typeof scene> = (s) => s) =>
    buildModel(extra(scene().box("x", label, { x: 0, y: 0, w: 200, h: 120 })).elements).boxById.get("x")?.kind;

  it("reads the head noun, object storage, wrapped names, library clients and push providers", () => {
    expect(kindOf("back queue selector")).toBe("service");
    expect(kindOf("back queue")).toBe("queue");
    expect(kindOf("S3 database for images")).toBe("storage");
    expect(kindOf("Orders database")).toBe("db");
    expect(kindOf("Users\nCore Write\nAPI")).toBe("service");
    expect(kindOf("Order book database client")).toBe("service");
    expect(kindOf("Order book front-end client")).toBe("client");
    expect(kindOf("Android firebase")).toBe("service");
    expect(kindOf("Browser Search")).toBe("client");
    expect(kindOf("timeline cache\npartitioned by user_id")).toBe("cache");
  });

  it("a record of fields is data: a table called User is not the client", () => {
    expect(kindOf("User\n- userId\n- username\n- email")).toBe(null);
    expect(kindOf("User")).toBe("client");
    // Plain words under a title are a wrapped name, not fields.
    expect(kindOf("Excalidraw\nembed\nwindow")).toBe(null);
    expect(
      buildModel(scene().box("x", "users\nid\nemail\npassword", { x: 0, y: 0 }).elements).boxById.get("x")?.isRecord,
    ).toBe(true);
  });

  it("an unnamed box inside a zone titled as a store is part of that store", () => {
    const s = scene().zone("z", "MongoDB", { x: -20, y: -60, w: 400, h: 300 }).box("x", "PUBLIC BLOGS", { x: 0, y: 0 });
    expect(buildModel(s.elements).boxById.get("x")?.kind).toBe("db");
    const plain = scene()
      .zone("z", "Server 2", { x: -20, y: -60, w: 400, h: 300 })
      .box("x", "PUBLIC BLOGS", { x: 0, y: 0 });
    expect(buildModel(plain.elements).boxById.get("x")?.kind).toBe(null);
  });
});

describe("designs on one canvas", () => {
  it("boxes far apart are separate designs; an arrow joins them into one", () => {
    const two = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "DB", { x: 300, y: 0 })
      .box("c", "Queue", { x: 5000, y: 0 });
    expect(buildModel(two.elements).regionCount).toBe(2);
    expect(buildModel(two.arrow("e", "b", "c", { label: "events" }).elements).regionCount).toBe(1);
  });
});
