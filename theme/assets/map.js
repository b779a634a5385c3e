/* The map page (/map/). Every page loads this entry point; only the map page, which has a
   .catalogue-map element, loads the canvas code (ui/map-canvas.js) and the map's data. */
import { onEveryPage } from "./ui/start.js";

onEveryPage(() => {
  const roots = document.querySelectorAll(".catalogue-map");
  if (roots.length) import("./ui/map-canvas.js").then((canvas) => roots.forEach(canvas.setUp));
});
