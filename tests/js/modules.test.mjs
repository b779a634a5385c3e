// The module layout (README "JavaScript"): entry points in theme/assets/, pure modules in lib/, DOM modules in ui/.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ASSETS = resolve(dirname(fileURLToPath(import.meta.url)), "../../theme/assets");
const source = (file) => readFileSync(file, "utf8");
// chrome.js is a MkDocs static template (Jinja) that renders to a classic script, not a module.
const template = (file) => source(file).startsWith("{#");
const modules = ["", "lib", "ui"].flatMap((folder) =>
  readdirSync(join(ASSETS, folder))
    .filter((name) => name.endsWith(".js"))
    .map((name) => join(ASSETS, folder, name))
    .filter((file) => !template(file)),
);
// Without comments: /* blocks */ and // lines (a // right after a character, as in "https://", stays).
const code = (file) => source(file).replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/[^\n]*/g, "$1");
const imports = (file) => [...code(file).matchAll(/\bimport\s*(?:[^"'()]*?\bfrom\s*)?["']([^"']+)["']/g)].map((m) => m[1]);

test("every import is a relative path to a module of the site, which exists", () => {
  for (const file of modules) {
    for (const specifier of imports(file)) {
      assert.match(specifier, /^\.\.?\/.*\.js$/, `${relative(ASSETS, file)} imports ${specifier}`);
      assert.ok(existsSync(resolve(dirname(file), specifier)), `${relative(ASSETS, file)} imports missing ${specifier}`);
    }
  }
});

test("every module parses as an ES module", () => {
  // One child process parses them all: vm.SourceTextModule compiles a module without running it.
  const parse = `const vm = require("node:vm"); const fs = require("node:fs");
    for (const file of JSON.parse(process.argv[1])) {
      try { new vm.SourceTextModule(fs.readFileSync(file, "utf8"), { identifier: file }); }
      catch (error) { console.log(file + ": " + error.message); }
    }`;
  const run = spawnSync(process.execPath, ["--experimental-vm-modules", "--no-warnings", "-e", parse, JSON.stringify(modules)], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, "");
});

test("every name a module imports is one its module exports", () => {
  const exported = (file) =>
    new Set([...code(file).matchAll(/\bexport\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  for (const file of modules) {
    for (const m of code(file).matchAll(/\bimport\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
      const target = resolve(dirname(file), m[2]);
      const names = m[1].split(",").map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean);
      for (const name of names) assert.ok(exported(target).has(name), `${relative(ASSETS, file)} imports ${name}, which ${m[2]} does not export`);
    }
  }
});

test("lib/ modules touch no DOM or browser global and import only lib/, so Node can test them", () => {
  const lib = modules.filter((file) => dirname(file) === join(ASSETS, "lib"));
  assert.ok(lib.length >= 5);
  for (const file of lib) {
    const name = relative(ASSETS, file);
    assert.doesNotMatch(code(file), /\b(document|window|navigator|location|history|localStorage|fetch|HTMLElement|Node)\b/, name);
    for (const specifier of imports(file)) assert.match(specifier, /^\.\/[^/]+\.js$/, `${name} imports ${specifier}`);
  }
});

test("nothing is shared through window, and no module reaches another host", () => {
  for (const file of modules) {
    const name = relative(ASSETS, file);
    assert.doesNotMatch(code(file), /\bwindow\.[A-Za-z]+\s*=[^=]/, `${name} assigns to window`);
    assert.doesNotMatch(code(file), /https?:\/\//, `${name} names an absolute URL`);
  }
});

test("mkdocs.yml loads site.js as the one module, and site.js imports every other entry point", () => {
  const config = readFileSync(resolve(ASSETS, "../../mkdocs.yml"), "utf8");
  const block = config.slice(config.indexOf("extra_javascript:"));
  const listed = [...block.matchAll(/- path: assets\/([^\s]+)\n\s+type: module/g)].map((m) => m[1]);
  assert.deepEqual(listed, ["site.js"]);
  assert.doesNotMatch(block.split("\nnav:")[0], /- assets\//, "an entry without type: module");
  const entries = modules.filter((file) => dirname(file) === ASSETS).map((file) => relative(ASSETS, file));
  const imported = imports(join(ASSETS, "site.js")).filter((s) => /^\.\/[^/]+\.js$/.test(s)).map((s) => s.slice(2));
  assert.deepEqual(imported.sort(), entries.filter((name) => name !== "site.js").sort());
});
