import { expect, test, drawBox, newBoard } from "./support/fixtures.ts";

test("Copy PNG puts a PNG of the board on the clipboard", async ({ page, context, server }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await newBoard(page, "Clipboard");
  await drawBox(page, 300, 300, 180, 90, "Cache");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByTestId("export-dialog");
  await expect(dialog.getByRole("img", { name: "Export preview" })).toBeVisible();
  await dialog.getByRole("button", { name: "Copy PNG" }).click();
  await expect(page.getByRole("status").filter({ hasText: "PNG copied to the clipboard." })).toBeVisible();
  const copied = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const blob = await items[0]!.getType("image/png");
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { types: items[0]!.types, size: blob.size, signature: Array.from(bytes.subarray(1, 4)) };
  });
  expect(copied.types).toContain("image/png");
  expect(String.fromCharCode(...copied.signature)).toBe("PNG");
  expect(copied.size).toBeGreaterThan(2000);
});
