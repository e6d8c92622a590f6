// Copy buttons of the admin setup page. The buttons are hidden without script (the values stay selectable) and
// shown here; each copies the text of the element its data-copy names and says so in the page's status region.
(function () {
  "use strict";

  var status = document.getElementById("copy-status");
  var buttons = document.querySelectorAll("button[data-copy]");
  if (!navigator.clipboard) {
    return;
  }

  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copy);
      var label = document.getElementById(button.getAttribute("aria-describedby"));
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        status.textContent = (label ? label.textContent : "Value") + " copied.";
      }, function () {
        status.textContent = "Copying was blocked by the browser; select the value and copy it instead.";
      });
    });
  });
})();
