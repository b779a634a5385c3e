/* The one module entry every page loads (mkdocs.yml: extra_javascript): each feature's module, as
   they are in theme/assets/, with no build step. A module sets itself up only on pages that have
   its part (a table, a map, TeX, ...), so one entry serves every page kind. */
import "./math.js";
import "./catalogue.js";
import "./search.js";
import "./search-page.js";
import "./map.js";
import { setUpDrawer } from "./ui/drawer.js";

setUpDrawer();
