# Sourced by the bench scripts: `page_login BASE_URL` prints the demo learner's page
# cookie (mentora_session), logged in like a browser (the form's CSRF token first);
# `api_login BASE_URL` prints her API access token.
page_login() {
  local base=$1 jar token
  jar=$(mktemp)
  token=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$token" \
    --data-urlencode "email=learner@demo.mentora.test" \
    --data-urlencode "password=mentora-demo-pass" "$base/login"
  awk '$6 == "mentora_session" {print $7}' "$jar"
  rm -f "$jar"
}

api_login() {
  curl -s -H 'content-type: application/json' \
    -d '{"email":"learner@demo.mentora.test","password":"mentora-demo-pass"}' \
    "$1/api/v1/auth/login" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
