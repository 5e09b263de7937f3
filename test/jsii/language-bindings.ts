import * as fs from 'fs';
import * as path from 'path';

/** A type of the jsii assembly, as the generated bindings must declare it. */
export interface AssemblyType {
  readonly name: string;
  readonly fqn: string;
  /** `struct` is a data-only interface (props); `interface` a behavioral one (`I...`). */
  readonly kind: 'class' | 'enum' | 'struct' | 'interface';
}

/** One target language of jsii-pacmak: where its sources are and how it declares and binds a type. */
export interface LanguageBinding {
  readonly language: string;
  /** The source files, relative to the language's output directory, whose text is read. */
  readonly sourceFiles: (languageDir: string) => string[];
  /** The patterns a binding of `type` must match: its declaration and its tie to the jsii fqn. */
  readonly declarations: (type: AssemblyType) => RegExp[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

const python: LanguageBinding = {
  language: 'python',
  sourceFiles: (dir) => filesUnder(path.join(dir, 'src'), '.py'),
  declarations: ({ name, fqn, kind }) => {
    const n = esc(name);
    const f = esc(fqn);
    const exported = new RegExp(`__all__ = \\[[^\\]]*\\n {4}"${n}",`);
    switch (kind) {
      case 'enum': return [new RegExp(`@jsii\\.enum\\(jsii_type="${f}"\\)\\nclass ${n}\\(enum\\.Enum\\):`), exported];
      case 'struct': return [new RegExp(`@jsii\\.data_type\\(\\n {4}jsii_type="${f}",[^@]*?\\)\\nclass ${n}[(:]`), exported];
      case 'interface': return [new RegExp(`@jsii\\.interface\\(jsii_type="${f}"\\)\\nclass ${n}\\(`), exported];
      case 'class': return [new RegExp(`\\nclass ${n}\\(\\n[^)]*?jsii_type="${f}",`), exported];
    }
  },
};

const java: LanguageBinding = {
  language: 'java',
  sourceFiles: (dir) => filesUnder(path.join(dir, 'src/main/java'), '.java'),
  declarations: ({ name, fqn, kind }) => {
    const keyword = { class: '(abstract )?class', enum: 'enum', struct: 'interface', interface: 'interface' }[kind];
    return [new RegExp(`@software\\.amazon\\.jsii\\.Jsii\\(module = [\\w.$]+\\.class, fqn = "${esc(fqn)}"\\)\\n(@[^\\n]+\\n)*public ${keyword} ${esc(name)}\\b`)];
  },
};

const dotnet: LanguageBinding = {
  language: 'dotnet',
  sourceFiles: (dir) => filesUnder(dir, '.cs'),
  declarations: ({ name, fqn, kind }) => {
    const n = esc(name);
    const f = esc(fqn);
    switch (kind) {
      case 'enum': return [new RegExp(`\\[JsiiEnum\\(nativeType: typeof\\(${n}\\), fullyQualifiedName: "${f}"\\)\\]\\s+public enum ${n}\\b`)];
      // A struct is an interface `I<Name>` plus a class `<Name>` that implements it, passed by value.
      case 'struct': return [
        new RegExp(`\\[JsiiInterface\\(nativeType: typeof\\(I${n}\\), fullyQualifiedName: "${f}"\\)\\]\\s+public interface I${n}\\b`),
        new RegExp(`\\[JsiiByValue\\(fqn: "${f}"\\)\\]\\s+public class ${n} : [\\w.]+\\.I${n}\\b`),
      ];
      case 'interface': return [new RegExp(`\\[JsiiInterface\\(nativeType: typeof\\(${n}\\), fullyQualifiedName: "${f}"\\)\\]\\s+public interface ${n}\\b`)];
      case 'class': return [new RegExp(`\\[JsiiClass\\(nativeType: typeof\\([\\w.]+\\.${n}\\), fullyQualifiedName: "${f}"[^\\n]*\\]\\s+public (abstract )?class ${n}\\b`)];
    }
  },
};

const go: LanguageBinding = {
  language: 'go',
  sourceFiles: (dir) => filesUnder(dir, '.go'),
  declarations: ({ name, fqn, kind }) => {
    const register = { class: 'Class', enum: 'Enum', struct: 'Struct', interface: 'Interface' }[kind];
    const goType = { class: 'interface', enum: 'string', struct: 'struct', interface: 'interface' }[kind];
    return [
      new RegExp(`\\ntype ${esc(name)} ${goType}\\b`),
      new RegExp(`_jsii_\\.Register${register}\\(\\s+"${esc(fqn)}",\\s+reflect\\.TypeOf\\(\\(\\*${esc(name)}\\)\\(nil\\)\\)`),
    ];
  },
};

/** The four targets of package.json's jsii config, in the order the docs list them. */
export const LANGUAGE_BINDINGS: readonly LanguageBinding[] = [python, java, dotnet, go];
