// Follows report runs that are queued or being generated: polls their JSON
// status and updates the row (or page) in place, without reloading.
(function () {
  "use strict";
  var INTERVAL = 3000;
  var MAX_POLLS = 400;

  function setText(node, text) {
    if (node) { node.textContent = text; }
  }

  // The symbol and the words carry the status; the colour only repeats it.
  function statusPrefix(status) {
    return { succeeded: "✔ ", failed: "✖ ", running: "⟳ " }[status] || "… ";
  }

  function statusClass(status) {
    return {
      succeeded: "text-bg-success",
      failed: "text-bg-danger",
      running: "text-bg-info"
    }[status] || "text-bg-secondary";
  }

  function showDownloads(container, downloads) {
    if (!container) { return; }
    while (container.firstChild) { container.removeChild(container.firstChild); }
    if (!downloads.length) {
      var none = document.createElement("span");
      none.className = "text-body-secondary";
      none.textContent = "–";
      container.appendChild(none);
      return;
    }
    downloads.forEach(function (d) {
      var link = document.createElement("a");
      link.href = d.url;
      link.className = "me-2";
      link.textContent = d.label;
      container.appendChild(link);
    });
  }

  function follow(element) {
    var url = element.getAttribute("data-status-url");
    var polls = 0;
    function poll() {
      polls += 1;
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        })
        .then(function (run) {
          var label = element.querySelector("[data-run-status-label]");
          if (label) {
            setText(label, statusPrefix(run.status) + run.status_label);
            label.className = "badge report-run-status " + statusClass(run.status);
          }
          setText(element.querySelector("[data-run-error]"), run.error || "");
          if (run.active) {
            if (polls < MAX_POLLS) { window.setTimeout(poll, INTERVAL); }
            return;
          }
          var links = run.downloads.slice();
          if (element.hasAttribute("data-show-report-link") && run.status === "succeeded") {
            // The report itself is rendered by the server; offer it rather
            // than reloading under the reader's feet.
            links.unshift({ url: run.detail_url, label: element.getAttribute("data-show-report-link") });
          }
          showDownloads(element.querySelector("[data-run-downloads]"), links);
        })
        .catch(function () {
          if (polls < MAX_POLLS) { window.setTimeout(poll, INTERVAL * 3); }
        });
    }
    window.setTimeout(poll, INTERVAL);
  }

  document.querySelectorAll("[data-status-url]").forEach(follow);
})();
