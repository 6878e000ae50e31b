// Copies the NL Design System stylesheets from node_modules into the package's static
// folder, so that the app serves them itself and `pip install .` ships them.
// The copies are build output (git-ignored); package.json + package-lock.json pin them.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "workplace_planner", "static", "vendor");
const assets = {
  "utrecht-component-library.css": "@utrecht/component-library-css/dist/index.css",
  "voorbeeld-theme.css": "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
};

mkdirSync(target, { recursive: true });
for (const [name, source] of Object.entries(assets)) {
  copyFileSync(join(root, "node_modules", source), join(target, name));
  console.log(`vendor asset: ${name}`);
}
