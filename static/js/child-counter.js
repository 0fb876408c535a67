// The children's form: a visible count under each text answer, with the same limit as the
// server (participation/forms.py, MAX_TEXT_ANSWER). Nothing is cut: past the limit the count
// says how many too many, and the server says the same if the form is sent anyway. The words
// come from the page (gettext), in the page's language.
(function () {
  "use strict";
  var areas = document.querySelectorAll("textarea[data-counter]");
  var lang = document.documentElement.lang === "en" ? "en-GB" : "sv-SE";
  var format = new Intl.NumberFormat(lang);
  Array.prototype.forEach.call(areas, function (area) {
    var limit = parseInt(area.getAttribute("data-counter"), 10);
    var counter = document.createElement("p");
    counter.className = "child-counter";
    counter.id = area.id + "_counter";
    area.insertAdjacentElement("afterend", counter);
    var described = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    function update() {
      var used = area.value.length;
      var text = area.getAttribute("data-counter-text")
        .replace("%(used)s", format.format(used))
        .replace("%(limit)s", format.format(limit));
      if (used > limit) {
        text += ". " + area.getAttribute("data-counter-over")
          .replace("%(over)s", format.format(used - limit));
      }
      counter.textContent = text;
      counter.classList.toggle("child-counter--over", used > limit);
    }
    area.addEventListener("input", update);
    update();
  });
})();
