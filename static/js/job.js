/* A job's state on the page that started it (templates/includes/job.html, core/jobs.py).
 *
 * Without this script the page says to reload it. With it, the page asks how the job goes
 * (core:job_status) every second and reloads itself when the job has ended.
 */
(function () {
  "use strict";

  function follow(box) {
    var bar = box.querySelector("progress");
    var timer = window.setInterval(function () {
      fetch(box.getAttribute("data-job-url"), {
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (state) {
          if (bar && state.total) {
            bar.max = state.total;
            bar.value = Math.min(state.done, state.total);
          }
          if (state.finished) {
            window.clearInterval(timer);
            window.location.reload();
          }
        })
        .catch(function () { /* the next poll tries again */ });
    }, 1000);
  }

  function init() {
    document.querySelectorAll("[data-job-url]").forEach(follow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
