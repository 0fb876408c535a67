/* The progress bar of the statistics import (indicators/progress.py).
 *
 * Without this script the form posts as usual and the page answers when the import is done.
 * With it, the file is sent in the background: the bar shows the upload, then polls how many
 * rows the worker has checked and whether it is saving (the import is a job, indicators/jobs.py),
 * and finally shows the page with the job's outcome.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_match, key) {
      return values[key] === undefined ? "" : values[key].toLocaleString(document.documentElement.lang);
    });
  }

  function finished(state) {
    return state.status === "done" || state.status === "failed" ||
      state.phase === "done" || state.phase === "failed";
  }

  function start(form) {
    var box = document.getElementById("import-progress");
    var bar = document.getElementById("import-progress-bar");
    var text = document.getElementById("import-progress-text");
    var timer = null;
    if (!box || !window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
      return;
    }

    function say(key, values) {
      text.textContent = fill(box.getAttribute("data-text-" + key), values || {});
    }

    function indeterminate() {
      bar.removeAttribute("value");
    }

    function update(state) {
      if (state.phase === "checking" && state.total) {
        bar.max = state.total;
        bar.value = Math.min(state.done, state.total);
        say("checking", { done: state.done, total: state.total });
      } else if (state.phase === "checking") {
        indeterminate();
        say("checking-unknown", { done: state.done });
      } else if (state.phase === "saving") {
        indeterminate();
        say("saving", { done: state.done });
      }
    }

    function poll(url, then) {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (state) {
          update(state);
          if (then) {
            then(state);
          }
        })
        .catch(function () { /* the next poll tries again */ });
    }

    // The page answered that a worker is importing the file: follow the job to its outcome.
    var pending = document.getElementById("import-pending");
    if (pending) {
      box.hidden = false;
      indeterminate();
      say("waiting");
      timer = window.setInterval(function () {
        poll(pending.getAttribute("data-progress-url"), function (state) {
          if (finished(state)) {
            window.clearInterval(timer);
            window.location.assign(pending.getAttribute("data-job-url"));
          }
        });
      }, 700);
      return;
    }

    function show(html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      document.title = page.title;
      document.body.replaceWith(page.body);
      var target = document.querySelector(".message") || document.querySelector("h1");
      if (target) {
        target.setAttribute("tabindex", "-1");
        target.focus();
      }
      init();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) {
        button.disabled = true;
      }
      box.hidden = false;
      bar.max = 100;
      bar.value = 0;
      say("uploading", { percent: 0 });
      var request = new XMLHttpRequest();
      request.open("POST", form.action || window.location.href);
      request.upload.addEventListener("progress", function (upload) {
        if (upload.lengthComputable) {
          bar.value = Math.round((100 * upload.loaded) / upload.total);
          say("uploading", { percent: bar.value });
        }
      });
      request.upload.addEventListener("load", function () {
        indeterminate();
        say("waiting");
        timer = window.setInterval(function () {
          poll(form.getAttribute("data-progress-url"));
        }, 700);
      });
      request.addEventListener("load", function () {
        window.clearInterval(timer);
        show(request.responseText);
      });
      request.addEventListener("error", function () {
        window.clearInterval(timer);
        say("error");
        if (button) {
          button.disabled = false;
        }
      });
      request.send(new FormData(form));
    });
  }

  function init() {
    var form = document.querySelector("form[data-progress-url]");
    if (form) {
      start(form);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
