// Runs on every page shown inside the LMS iframe.
(function () {
  "use strict";

  // Canvas (and LMSs that copy it) resize the iframe to the content on an lti.frameResize message. The target
  // origin is "*" because the framing LMS origin is not known to the page; the message carries no data.
  function requestResize() {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ subject: "lti.frameResize", height: document.documentElement.scrollHeight }, "*");
    }
  }
  window.addEventListener("load", requestResize);
  if (window.ResizeObserver) {
    new ResizeObserver(requestResize).observe(document.body);
  }

  // Confirms the page's bearer token works against the tool's API (no cookies needed inside the iframe).
  var check = document.getElementById("api-check");
  if (check) {
    var status = check.querySelector(".api-status");
    fetch("/api/launch", { headers: { "Authorization": "Bearer " + check.dataset.apiToken, "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (summary) {
        status.textContent = "Connected securely as " + (summary.displayName || summary.role) + ".";
        status.classList.add("ok");
      })
      .catch(function () {
        status.textContent = "The tool could not be reached. Reload the activity from your course.";
        status.classList.add("bad");
      });
  }
})();

// A notice reporting the user's own last action (Components/_StatusNotice, data-focus-on-load) takes focus once,
// so it is read first after the POST-redirect-GET. Nothing else moves focus on load: it could scroll the LMS page.
(function () {
  "use strict";
  var notice = document.querySelector("[data-focus-on-load]");
  if (notice) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ subject: "lti.scrollToTop" }, "*");
    }
    notice.focus();
  }
})();
