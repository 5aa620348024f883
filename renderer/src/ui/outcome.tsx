// What an action said: a note on success (a status the screen reader announces), the
// failure's sentence otherwise. One shape for every card that runs an action.

export function Outcome({ note, error }: { note?: string | null; error?: string | null }) {
  return (
    <>
      {note && (
        <p role="status" className="notice card">
          {note}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
