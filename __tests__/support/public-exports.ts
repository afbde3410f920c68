import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import * as ts from "typescript";

/** One name the package root exports, as the published `.d.ts` shows it. */
export interface PublicExport {
  readonly name: string;
  /** `class`, `function`, `const`, `enum`, `interface` or `type`. */
  readonly kind: string;
  /** True when the name exists at runtime (`require("keda-functions-aks")` has it). */
  readonly isValue: boolean;
  /** True when the declaration carries a JSDoc comment. */
  readonly documented: boolean;
  /** The declaring file, relative to the repository root. */
  readonly file: string;
}

/**
 * The exports of a module, found by reading the re-export chain syntactically (no type
 * checker: a whole program takes seconds, this takes milliseconds). Declarations tagged
 * `@internal` are left out, as `stripInternal` leaves them out of the published `.d.ts`.
 */
export function publicExports(root: string, entry: string): Map<string, PublicExport> {
  return new ExportReader(root).exportsOf(join(root, entry));
}

class ExportReader {
  private readonly cache = new Map<string, Map<string, PublicExport>>();

  constructor(private readonly root: string) {}

  exportsOf(file: string): Map<string, PublicExport> {
    const cached = this.cache.get(file);
    if (cached !== undefined) return cached;
    const result = new Map<string, PublicExport>();
    this.cache.set(file, result);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isExportDeclaration(statement)) this.readExportDeclaration(file, source, statement, result);
      else for (const found of this.declared(file, statement)) result.set(found.name, found);
    }
    return result;
  }

  private readExportDeclaration(file: string, source: ts.SourceFile, statement: ts.ExportDeclaration, into: Map<string, PublicExport>): void {
    const from = statement.moduleSpecifier;
    const target = from !== undefined && ts.isStringLiteral(from) ? this.resolve(file, from.text) : undefined;
    if (from !== undefined && target === undefined) return; // a package, not this package's source
    if (statement.exportClause === undefined) {
      for (const [name, found] of this.exportsOf(target!)) into.set(name, found);
      return;
    }
    if (!ts.isNamedExports(statement.exportClause)) throw new Error(`${file}: export * as is not supported by this reader`);
    for (const element of statement.exportClause.elements) {
      const original = (element.propertyName ?? element.name).text;
      const found = target !== undefined ? this.exportsOf(target).get(original) : this.local(file, source, original);
      if (found === undefined) continue; // @internal or not found: the d.ts has no such name either
      const typeOnly = statement.isTypeOnly || element.isTypeOnly;
      into.set(element.name.text, { ...found, name: element.name.text, isValue: found.isValue && !typeOnly });
    }
  }

  /** `export { a }` of a name declared or imported in the same file. */
  private local(file: string, source: ts.SourceFile, name: string): PublicExport | undefined {
    for (const statement of source.statements) {
      const found = this.declared(file, statement, true).find((d) => d.name === name);
      if (found !== undefined) return found;
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const bindings = statement.importClause?.namedBindings;
        if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
        const element = bindings.elements.find((e) => e.name.text === name);
        const target = element && this.resolve(file, statement.moduleSpecifier.text);
        if (element && target) return this.exportsOf(target).get((element.propertyName ?? element.name).text);
      }
    }
    return undefined;
  }

  /** The names a statement declares with `export` (or, with `any`, without). */
  private declared(file: string, statement: ts.Statement, any = false): PublicExport[] {
    const exported = any || (ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
    if (!exported || isInternal(statement)) return [];
    const at = relative(this.root, file);
    const documented = ts.getJSDocCommentsAndTags(statement).length > 0;
    const entry = (name: string, kind: string, isValue: boolean): PublicExport => ({ name, kind, isValue, documented, file: at });
    if (ts.isClassDeclaration(statement) && statement.name) return [entry(statement.name.text, "class", true)];
    if (ts.isFunctionDeclaration(statement) && statement.name) return [entry(statement.name.text, "function", true)];
    if (ts.isEnumDeclaration(statement)) return [entry(statement.name.text, "enum", true)];
    if (ts.isInterfaceDeclaration(statement)) return [entry(statement.name.text, "interface", false)];
    if (ts.isTypeAliasDeclaration(statement)) return [entry(statement.name.text, "type", false)];
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.filter((d) => ts.isIdentifier(d.name)).map((d) => entry((d.name as ts.Identifier).text, "const", true));
    }
    return [];
  }

  private resolve(from: string, specifier: string): string | undefined {
    if (!specifier.startsWith(".")) return undefined;
    const base = join(dirname(from), specifier);
    return [`${base}.ts`, join(base, "index.ts")].find((candidate) => existsSync(candidate));
  }
}

function isInternal(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === "internal") || /@internal\b/.test(jsDocText(node));
}

function jsDocText(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .map((d) => d.getText())
    .join("\n");
}
