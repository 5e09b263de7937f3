/**
 * The 1-based line of each key of the top-level `Resources` object in JSON
 * text: where a reader finds `"<logicalId>": {`. One pass over the text, no
 * second parse; the text is already known to be valid JSON.
 */
export function jsonResourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const containers: string[] = [];
  let line = 1;
  let expectingKey = false;
  let topKey: string | undefined;
  let resourcesDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line++;
    } else if (char === '"') {
      const end = stringEnd(text, i);
      if (expectingKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (containers.length === 1) topKey = key;
        else if (containers.length === resourcesDepth && !lines.has(key)) lines.set(key, line);
        expectingKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      if (char === '{' && containers.length === 1 && topKey === 'Resources') resourcesDepth = 2;
      containers.push(char);
      expectingKey = char === '{';
    } else if (char === '}' || char === ']') {
      if (containers.length === resourcesDepth) resourcesDepth = -1;
      containers.pop();
    } else if (char === ',') {
      expectingKey = containers[containers.length - 1] === '{';
    }
  }
  return lines;
}

/** The index of the quote that closes the JSON string opening at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
