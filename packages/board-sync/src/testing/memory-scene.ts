/**
 * An in-memory stand-in for the Excalidraw scene, for tests and benchmarks.
 * It behaves like Excalidraw where the binding can tell: `applyRemote` replaces
 * the element array, local edits mutate elements in place and bump version and
 * versionNonce, elements are kept in fractional-index order, and every change
 * is followed by an onChange that calls `pushLocal` (synchronously, which is
 * harsher than Excalidraw's next-render timing).
 */
import type { BoardBinding } from "../binding.ts";
import type { FileEntry, SceneAdapter, SyncedElement } from "../types.ts";

/** A minimal mutable element, the shape the tests draw with. */
export interface TestElement extends SyncedElement {
  id: string;
  version: number;
  versionNonce: number;
  index: string | null;
  isDeleted: boolean;
  x: number;
  y: number;
  text: string;
  /** Nested data, to catch shallow copies. */
  points: number[][];
}

/** (index, id) order, written independently of the package's merge so the tests check it. */
const below = (a: SyncedElement, b: SyncedElement): boolean =>
  typeof a.index === "string" &&
  typeof b.index === "string" &&
  (a.index < b.index || (a.index === b.index && a.id < b.id));

export class MemoryScene implements SceneAdapter<TestElement> {
  elements: TestElement[] = [];
  readonly files = new Map<string, FileEntry>();
  readonly editing = new Set<string>();
  /** Every array passed to applyRemote, oldest first. */
  readonly applied: TestElement[][] = [];
  /** Set to make every change call `binding.pushLocal`, like Excalidraw's onChange. */
  binding: BoardBinding<TestElement> | undefined;

  constructor(elements: TestElement[] = [], files: Record<string, FileEntry> = {}) {
    this.elements = elements;
    for (const file of Object.values(files)) this.files.set(file.id, file);
  }

  getElementsIncludingDeleted(): readonly TestElement[] {
    return this.elements;
  }

  getEditingIds(): ReadonlySet<string> {
    return this.editing;
  }

  applyRemote(elements: TestElement[]): void {
    this.applied.push(elements);
    this.elements = elements;
    this.onChange();
  }

  addFiles(files: FileEntry[]): void {
    for (const file of files) this.files.set(file.id, file);
    this.onChange();
  }

  /** The files as Excalidraw's onChange passes them. */
  fileRecord(): Record<string, FileEntry> {
    return Object.fromEntries(this.files);
  }

  /** What Excalidraw does after any change: onChange(elements, appState, files). */
  onChange(): void {
    this.binding?.pushLocal(this.elements, this.fileRecord());
  }

  byId(id: string): TestElement | undefined {
    return this.elements.find((element) => element.id === id);
  }

  /** Adds a new element at its index position. */
  create(element: TestElement): void {
    this.elements = this.elements.slice();
    this.place(element);
    this.onChange();
  }

  /** Excalidraw's mutateElement: change in place, bump version, new nonce; reposition if the index moved. */
  mutate(id: string, patch: Partial<Omit<TestElement, "id" | "version" | "versionNonce">>, nonce: number): void {
    const element = this.byId(id);
    if (element === undefined) throw new Error(`no element ${id}`);
    const reorder = patch.index !== undefined && patch.index !== element.index;
    Object.assign(element, patch);
    element.version += 1;
    element.versionNonce = nonce;
    if (reorder) {
      this.elements = this.elements.filter((other) => other !== element);
      this.place(element);
    }
    this.onChange();
  }

  addFile(file: FileEntry): void {
    this.files.set(file.id, file);
    this.onChange();
  }

  private place(element: TestElement): void {
    let at = this.elements.length;
    for (let i = 0; i < this.elements.length; i++) {
      if (below(element, this.elements[i] as TestElement)) {
        at = i;
        break;
      }
    }
    this.elements.splice(at, 0, element);
  }
}

/** A test element with defaults. */
export function testElement(id: string, index: string | null, fields: Partial<TestElement> = {}): TestElement {
  return {
    id,
    version: 1,
    versionNonce: 1,
    index,
    isDeleted: false,
    x: 0,
    y: 0,
    text: "",
    points: [
      [0, 0],
      [10, 10],
    ],
    ...fields,
  };
}
