import { useCallback } from "react";
import { navigate, boardPath } from "../router.ts";
import { toast } from "../ui/toastStore.ts";
import { openSceneFile, pickSceneFile } from "./openSceneFile.ts";

/** Opening a file as a new board, with the outcome told in a toast. */
export function useSceneImport() {
  const openFile = useCallback(async (file: File) => {
    try {
      const meta = await openSceneFile(file);
      toast(`Opened “${file.name}” as a new board.`);
      navigate(boardPath(meta.id));
    } catch (err) {
      toast((err as Error).message, "error");
    }
  }, []);
  const pickAndOpen = useCallback(async () => {
    const file = await pickSceneFile();
    if (file) await openFile(file);
  }, [openFile]);
  return { openFile, pickAndOpen };
}
