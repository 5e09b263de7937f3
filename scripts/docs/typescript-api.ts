import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from './markdown';

/**
 * What the documentation reads from the library's TypeScript sources with the
 * compiler API: constructs exported from `lib/index.ts` with their props and
 * public members, exported consts and enum members with their TSDoc.
 */

/** One documented prop of a construct's props interface. */
export interface PropDoc {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
  /** The TSDoc `@default` text; empty when the prop has none. */
  readonly defaultText: string;
  readonly description: string;
  /** The interface that declares it (`HardenedBucketProps` for a prop a props interface extends). */
  readonly declaredIn: string;
  /** The TSDoc `@see` links (the AWS page behind a limit). */
  readonly see: readonly string[];
}

/** One public member a construct exposes: a readonly property or a method. */
export interface MemberDoc {
  readonly name: string;
  readonly kind: 'property' | 'method';
  /** The property's type, or the method's signature. */
  readonly type: string;
  readonly description: string;
}

/** An exported construct class. */
export interface ConstructDoc {
  readonly name: string;
  /** Its source file, relative to the repository root. */
  readonly source: string;
  readonly description: string;
  /** The props interface of its constructor (the third parameter), or undefined for a construct without props. */
  readonly propsInterface?: string;
  readonly props: readonly PropDoc[];
  readonly members: readonly MemberDoc[];
}

/** One exported const or enum member with its TSDoc. */
export interface ValueDoc {
  readonly name: string;
  readonly source: string;
  readonly description: string;
  /** The initializer as written. */
  readonly initializer: string;
}

let cached: ts.Program | undefined;

/** One program over the library's entry point and `lib/baseline/`, built once per process. */
function program(): ts.Program {
  if (!cached) {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error('docs: cannot read tsconfig.json');
    cached = ts.createProgram([path.join(ROOT, 'lib/index.ts'), ...ts.sys.readDirectory(path.join(ROOT, 'lib/baseline'), ['.ts'])], { ...config.options, noEmit: true });
  }
  return cached;
}

function sourceFile(relative: string): ts.SourceFile {
  const file = program().getSourceFile(path.join(ROOT, relative));
  if (!file) throw new Error(`docs: ${relative} is not part of the program (does it exist?)`);
  return file;
}

function docOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

function tagOf(symbol: ts.Symbol, checker: ts.TypeChecker, name: string): string {
  const tag = symbol.getJsDocTags(checker).find((t) => t.name === name);
  return tag ? ts.displayPartsToString(tag.text).trim() : '';
}

function relativeSource(node: ts.Node): string {
  return path.relative(ROOT, node.getSourceFile().fileName).split(path.sep).join('/');
}

/** Whether a declaration is the library's own (not aws-cdk-lib's or constructs'). */
function isOwn(node: ts.Node): boolean {
  return !node.getSourceFile().fileName.includes(`${path.sep}node_modules${path.sep}`) && !node.getSourceFile().fileName.includes('/node_modules/');
}

function extendsConstruct(type: ts.Type, checker: ts.TypeChecker): boolean {
  for (const base of checker.getBaseTypes(type as ts.InterfaceType)) {
    const decl = base.getSymbol()?.declarations?.[0];
    if (base.getSymbol()?.getName() === 'Construct' && decl && !isOwn(decl)) return true;
    if (extendsConstruct(base, checker)) return true;
  }
  return false;
}

function propDocs(typeNode: ts.TypeNode, checker: ts.TypeChecker): PropDoc[] {
  return checker.getPropertiesOfType(checker.getTypeFromTypeNode(typeNode)).map((symbol) => {
    const decl = symbol.declarations?.[0] as ts.PropertySignature | undefined;
    const parent = decl?.parent;
    return {
      name: symbol.getName(),
      type: decl?.type?.getText() ?? checker.typeToString(checker.getTypeOfSymbol(symbol)),
      optional: Boolean(decl?.questionToken),
      defaultText: tagOf(symbol, checker, 'default'),
      description: docOf(symbol, checker),
      declaredIn: parent && ts.isInterfaceDeclaration(parent) ? parent.name.text : '',
      see: symbol.getJsDocTags(checker).filter((t) => t.name === 'see').map((t) => ts.displayPartsToString(t.text).trim()),
    };
  });
}

function isPublic(decl: ts.Declaration): boolean {
  const flags = ts.getCombinedModifierFlags(decl);
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static));
}

function memberDocs(classType: ts.Type, checker: ts.TypeChecker): MemberDoc[] {
  const members: MemberDoc[] = [];
  for (const symbol of checker.getPropertiesOfType(classType)) {
    const decl = symbol.declarations?.[0];
    if (!decl || !isOwn(decl) || !isPublic(decl) || symbol.getName().startsWith('_')) continue;
    if (ts.isPropertyDeclaration(decl) && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly) {
      members.push({ name: symbol.getName(), kind: 'property', type: decl.type?.getText() ?? checker.typeToString(checker.getTypeOfSymbol(symbol)), description: docOf(symbol, checker) });
    } else if (ts.isMethodDeclaration(decl)) {
      const signature = `(${decl.parameters.map((p) => p.getText()).join(', ')})${decl.type ? `: ${decl.type.getText()}` : ''}`;
      members.push({ name: symbol.getName(), kind: 'method', type: signature, description: docOf(symbol, checker) });
    }
  }
  return members;
}

/** Every construct class `lib/index.ts` exports, in export order. */
export function exportedConstructs(): ConstructDoc[] {
  const checker = program().getTypeChecker();
  const index = checker.getSymbolAtLocation(sourceFile('lib/index.ts'));
  if (!index) throw new Error('docs: lib/index.ts has no exports');
  const constructs: ConstructDoc[] = [];
  for (const exported of checker.getExportsOfModule(index)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.find(ts.isClassDeclaration);
    if (!decl || !(symbol.flags & ts.SymbolFlags.Class)) continue;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    if (!extendsConstruct(type, checker)) continue;
    const ctor = decl.members.find(ts.isConstructorDeclaration);
    const propsType = ctor?.parameters[2]?.type;
    constructs.push({
      name: symbol.getName(),
      source: relativeSource(decl),
      description: docOf(symbol, checker),
      propsInterface: propsType?.getText(),
      props: propsType ? propDocs(propsType, checker) : [],
      members: memberDocs(type, checker),
    });
  }
  return constructs;
}

/** The exported `const` declarations of one file, with their TSDoc and initializer text. */
export function exportedConsts(relative: string): ValueDoc[] {
  const checker = program().getTypeChecker();
  const file = sourceFile(relative);
  const values: ValueDoc[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const decl of statement.declarationList.declarations) {
      const symbol = checker.getSymbolAtLocation(decl.name);
      if (!symbol) continue;
      values.push({ name: symbol.getName(), source: relative, description: docOf(symbol, checker), initializer: decl.initializer?.getText() ?? '' });
    }
  }
  return values;
}

/** The members of an exported enum, with their TSDoc and value as written. */
export function enumMembers(relative: string, enumName: string): ValueDoc[] {
  const checker = program().getTypeChecker();
  const decl = sourceFile(relative).statements.find((s): s is ts.EnumDeclaration => ts.isEnumDeclaration(s) && s.name.text === enumName);
  if (!decl) throw new Error(`docs: ${relative} declares no enum ${enumName}`);
  return decl.members.map((member) => {
    const symbol = checker.getSymbolAtLocation(member.name);
    return { name: member.name.getText(), source: relative, description: symbol ? docOf(symbol, checker) : '', initializer: member.initializer?.getText() ?? '' };
  });
}
