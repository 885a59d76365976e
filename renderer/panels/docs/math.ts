/**
 * A small renderer for the catalog's plain-text maths ("y = f(x W + b)", "e^(z_i) / sum_{j=1..C} e^(z_j)",
 * "h_(t-1)", "sqrt(2 pi)"). The specs keep formulas as readable ASCII so the CLI can print them; the
 * inspector turns them into typeset maths with this TeX-like subset: ^ and _ take one token or a
 * (...) / {...} group, Greek names become letters, sqrt gets a radical, sum/prod become big operators
 * and <-, ->, >=, <=, != become arrows and relations. It returns a tree (testable without a DOM);
 * MathText renders it. KaTeX would need the same translation step first, so it would not earn its 300 KB.
 */

export type MathNode =
  | { t: "var"; s: string }
  | { t: "num"; s: string }
  | { t: "fn"; s: string }
  | { t: "word"; s: string }
  | { t: "op"; s: string }
  | { t: "punct"; s: string }
  | { t: "space" }
  | { t: "bigop"; s: string }
  | { t: "sup"; c: MathNode[] }
  | { t: "sub"; c: MathNode[] }
  | { t: "sqrt"; c: MathNode[] };

const GREEK: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  eps: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Pi: "Π",
  Sigma: "Σ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
};

/** Names set upright, as TeX does for \sin, \max, \log. */
const FUNCTIONS = new Set([
  "sin",
  "cos",
  "tan",
  "tanh",
  "exp",
  "log",
  "ln",
  "max",
  "min",
  "mean",
  "erf",
  "floor",
  "ceil",
  "softmax",
  "softplus",
  "sign",
  "act",
  "mod",
  "var",
  "argmax",
]);

const BIG_OPERATORS: Record<string, string> = { sum: "∑", prod: "∏", Σ: "∑" };

const OPERATORS: [string, string][] = [
  ["<-", "←"],
  ["->", "→"],
  [">=", "≥"],
  ["<=", "≤"],
  ["!=", "≠"],
  ["+-", "±"],
  ["...", "…"],
  ["*", "·"],
  ["=", "="],
  ["+", "+"],
  ["-", "−"],
  ["/", "/"],
  ["<", "<"],
  [">", ">"],
  ["~", "∼"],
  ["|", "|"],
];

const PAIRS: Record<string, string> = { "(": ")", "{": "}", "[": "]" };

/** Parses a plain-text formula into typeset nodes. Never throws: unknown text passes through. */
export function parseMath(text: string): MathNode[] {
  return new Parser(text).sequence("");
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  sequence(close: string): MathNode[] {
    const out: MathNode[] = [];
    while (this.i < this.s.length) {
      const ch = this.s[this.i];
      if (close && ch === close) return out;
      if (ch === "^" || ch === "_") {
        this.i++;
        const script = this.script();
        out.push(ch === "^" ? { t: "sup", c: script } : { t: "sub", c: script });
        continue;
      }
      out.push(...this.atom());
    }
    return out;
  }

  /** The argument of ^ or _: a bracketed group (outer brackets dropped) or one token. */
  private script(): MathNode[] {
    const ch = this.s[this.i];
    if (ch === "(" || ch === "{") {
      this.i++;
      const inner = this.sequence(PAIRS[ch]);
      this.i++;
      return inner;
    }
    // A sign belongs to a short exponent ("e^-x"); an operator alone is kept as it is.
    if (ch === "-" && /[A-Za-z0-9]/.test(this.s[this.i + 1] ?? "")) {
      this.i++;
      return [{ t: "op", s: "−" }, ...this.atom()];
    }
    if (ch === undefined || /\s/.test(ch)) return [];
    // A whole word is scripted, so n_in, W_out and mu_B read as they are meant.
    return this.atom();
  }

  /** One token, or a bracketed group rendered with its brackets. */
  private atom(): MathNode[] {
    const rest = this.s.slice(this.i);
    const space = /^\s+/.exec(rest);
    if (space) {
      this.i += space[0].length;
      return [{ t: "space" }];
    }
    const number = /^\d+(\.\d+)?(e-?\d+)?/.exec(rest);
    if (number) {
      this.i += number[0].length;
      return [{ t: "num", s: number[0] }];
    }
    const word = /^[A-Za-z]+/.exec(rest);
    if (word) {
      this.i += word[0].length;
      return [this.word(word[0])];
    }
    // A hyphen inside a word ("cross-correlation", "row-major") is not a minus.
    if (rest[0] === "-" && /[A-Za-z]/.test(this.s[this.i - 1] ?? "") && /^-[A-Za-z]/.test(rest)) {
      this.i++;
      return [{ t: "punct", s: "-" }];
    }
    for (const [ascii, glyph] of OPERATORS) {
      if (rest.startsWith(ascii)) {
        this.i += ascii.length;
        return [{ t: "op", s: glyph }];
      }
    }
    const ch = rest[0];
    this.i++;
    if (ch in BIG_OPERATORS) return [{ t: "bigop", s: BIG_OPERATORS[ch] }];
    if (ch === "'") return [{ t: "punct", s: "′" }];
    if (/[\p{L}]/u.test(ch)) return [{ t: "var", s: ch }];
    return [{ t: "punct", s: ch }];
  }

  private word(w: string): MathNode {
    if (w === "sqrt" && this.s[this.i] === "(") {
      this.i++;
      const inner = this.sequence(")");
      this.i++;
      return { t: "sqrt", c: inner };
    }
    if (w in BIG_OPERATORS) return { t: "bigop", s: BIG_OPERATORS[w] };
    if (w in GREEK) return { t: "var", s: GREEK[w] };
    if (w === "inf") return { t: "num", s: "∞" };
    if (FUNCTIONS.has(w)) return { t: "fn", s: w };
    // Single letters (and letter+prime handled as punctuation) are variables; longer words are prose
    // or named quantities (units, threshold, filters) and read better upright.
    return w.length === 1 ? { t: "var", s: w } : { t: "word", s: w };
  }
}

/** The formula as plain text again (for accessible names and tests). */
export function mathToText(nodes: readonly MathNode[]): string {
  return nodes
    .map((n) => {
      switch (n.t) {
        case "space":
          return " ";
        case "sup":
          return `^(${mathToText(n.c)})`;
        case "sub":
          return `_(${mathToText(n.c)})`;
        case "sqrt":
          return `√(${mathToText(n.c)})`;
        default:
          return n.s;
      }
    })
    .join("");
}
