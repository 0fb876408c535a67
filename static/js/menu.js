/* The main menu's groups are native <details> disclosures and work without this script.
 * With it, an open group also closes on Escape (focus goes back to its heading) and when one
 * clicks or moves focus outside the menu, as one expects of a drop-down.
 */
(function () {
  "use strict";

  function openGroups() {
    return document.querySelectorAll(".main-nav__group[open]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    openGroups().forEach(function (group) {
      group.open = false;
      if (group.contains(document.activeElement)) group.querySelector("summary").focus();
    });
  });

  function closeOutside(event) {
    openGroups().forEach(function (group) {
      if (!group.contains(event.target)) group.open = false;
    });
  }
  document.addEventListener("click", closeOutside);
  document.addEventListener("focusin", closeOutside);
})();
