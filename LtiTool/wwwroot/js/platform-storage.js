// LTI client-side postMessage storage (1EdTech lti-cs-pm / lti-pm-s 0.1), used when the browser blocks the
// tool's cookie inside the LMS iframe. Messages go only to the platform's origin, never "*", and answers are
// accepted only from that origin with the matching message_id.
(function () {
  "use strict";
  var root = document.getElementById("platform-storage");
  if (!root) { return; }
  var mode = root.dataset.mode;
  var origin = root.dataset.origin;
  var target = root.dataset.target;
  var key = root.dataset.key;
  var timeoutMs = 2000;

  function storageFrame() {
    var parentWindow = window.parent;
    if (!parentWindow || parentWindow === window) { return null; }
    if (target && target !== "_parent") {
      try { return parentWindow.frames[target] || null; } catch (e) { return null; }
    }
    return parentWindow;
  }

  function send(subject, extra, onAnswer) {
    var frame = storageFrame();
    var messageId = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID() : String(Math.random());
    var done = false;
    function finish(answer) {
      if (done) { return; }
      done = true;
      window.removeEventListener("message", listener);
      onAnswer(answer);
    }
    function listener(event) {
      var data = event.data;
      if (event.origin !== origin || !data || data.message_id !== messageId || data.subject !== subject + ".response") { return; }
      finish(data.error ? null : data);
    }
    if (!frame || !origin) { finish(null); return; }
    window.addEventListener("message", listener);
    window.setTimeout(function () { finish(null); }, timeoutMs);
    var message = { subject: subject, message_id: messageId, key: key };
    for (var name in extra) { message[name] = extra[name]; }
    try {
      frame.postMessage(message, origin);
    } catch (e) {
      // A frame that cannot be reached must not stall the launch: fall back at once.
      finish(null);
    }
  }

  if (mode === "put") {
    send("lti.put_data", { value: root.dataset.value }, function () {
      window.location.replace(root.dataset.continue);
    });
  } else if (mode === "get") {
    send("lti.get_data", {}, function (answer) {
      var form = document.getElementById("relaunch");
      if (answer && typeof answer.value === "string") {
        form.elements["edurec_binding"].value = answer.value;
      }
      form.submit();
    });
  }
})();
