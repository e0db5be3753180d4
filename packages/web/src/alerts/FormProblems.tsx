/** Why a form was not saved: fields marked with their problems, and the problems no field shows (the server's among them). */
export function FormProblems({ marked, unplaced, refused }: { readonly marked: number; readonly unplaced: readonly string[]; readonly refused: string }) {
  if (marked === 0 && unplaced.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-title">{marked > 0 ? 'Check the marked fields.' : refused}</div>
      {unplaced.map((text) => (
        <div key={text} className="notice-message">
          {text}
        </div>
      ))}
    </div>
  );
}
