"""The Content-Security-Policy, as the browser applies it."""

INJECT_INLINE_SCRIPT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.injected = true;";
  document.body.append(script);
  return window.injected === true;
}"""


def test_browser_refuses_an_injected_inline_script(context):
    # Not the `page` fixture: it would fail this test on the very violation
    # that proves the policy works.
    tab = context.new_page()
    reports = []
    tab.on("console", lambda message: reports.append(message.text))
    tab.goto("/")
    assert tab.evaluate(INJECT_INLINE_SCRIPT) is False
    assert any("Content Security Policy" in text for text in reports), reports


def test_browser_takes_the_permissions_policy_and_denies_device_features(context):
    tab = context.new_page()
    reports = []
    tab.on("console", lambda message: reports.append(message.text))
    tab.goto("/")
    allowed = tab.evaluate(
        """() => ["camera", "microphone", "geolocation", "payment", "usb"]
            .filter((feature) => document.featurePolicy.allowsFeature(feature))"""
    )
    assert allowed == []
    # Chromium names each feature it does not know, and a malformed header.
    assert not [text for text in reports if "Permissions-Policy" in text], reports
    assert not [text for text in reports if "Unrecognized feature" in text], reports
