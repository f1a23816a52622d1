# Sourced by scripts/bootstrap and ./radassist: the local Maven repository Maven itself will use.
# maven_repo [MAVEN_ARGS...] -> -Dmaven.repo.local=... from the arguments or MAVEN_OPTS, else
# <localRepository> of ~/.m2/settings.xml, else ~/.m2/repository.
maven_repo() {
  local arg repo
  # shellcheck disable=SC2086
  for arg in ${MAVEN_OPTS:-} "$@"; do
    case $arg in -Dmaven.repo.local=*) repo=${arg#*=} ;; esac
  done
  if [[ -z ${repo:-} && -f $HOME/.m2/settings.xml ]]; then
    repo=$(sed -n 's|.*<localRepository>[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*</localRepository>.*|\1|p' \
      "$HOME/.m2/settings.xml" | head -n 1)
    repo=${repo/#\~/$HOME}
    repo=${repo//\$\{user.home\}/$HOME}
  fi
  echo "${repo:-$HOME/.m2/repository}"
}
