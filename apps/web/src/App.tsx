import { BoardPage } from "./pages/BoardPage/BoardPage.tsx";
import { RoomPage } from "./pages/RoomPage/RoomPage.tsx";
import { HomePage } from "./pages/HomePage/HomePage.tsx";
import { navigate, useRoute } from "./router.ts";
import { Toasts } from "./ui/Toasts.tsx";

export function App() {
  const route = useRoute();
  return (
    <>
      {route.page === "home" && <HomePage />}
      {route.page === "board" && <BoardPage key={route.id} id={route.id} />}
      {route.page === "room" && <RoomPage key={route.roomId} roomId={route.roomId} />}
      {route.page === "not-found" && (
        <div className="ab-centered">
          <h1>Page not found</h1>
          <p className="ab-muted">There is nothing at {route.path}.</p>
          <button type="button" className="ab-button ab-button--primary" onClick={() => navigate("/")}>
            Go to your boards
          </button>
        </div>
      )}
      <Toasts />
    </>
  );
}
