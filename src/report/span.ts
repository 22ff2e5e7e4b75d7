// A finding's sentence split around its match, for highlighting. Offsets come from
// the store; if they do not point at the match (an old record, a bug) the match is
// searched instead, so a highlight never marks the wrong words.
export function splitAtMatch(sentence: string, start: number, end: number, match: string): [string, string, string] {
  let s = start;
  let e = end;
  if (!(s >= 0 && e <= sentence.length && s < e && sentence.slice(s, e) === match)) {
    s = match ? sentence.indexOf(match) : -1;
    if (s < 0) return [sentence, '', ''];
    e = s + match.length;
  }
  return [sentence.slice(0, s), sentence.slice(s, e), sentence.slice(e)];
}
