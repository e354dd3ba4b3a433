/// The CI files `plan-build init` writes; this repository carries the same
/// two files for its own example plan, and the same GitLab file as the template
/// a project can `include:` (a test keeps them equal). Every job first installs a
/// pinned plan-build release tarball (`make dist`), cached between runs, from
/// the variables of SPEC §11.7: `PLAN_BUILD_VERSION`, `PLAN_BUILD_URL`,
/// `PLAN_BUILD_SHA256`; GitLab's merge-request note uses `PLAN_BUILD_GITLAB_TOKEN`.
public enum CIFiles {
    public static let githubWorkflowPath = ".github/workflows/plan.yml"
    public static let gitlabPath = ".gitlab-ci.yml"
    /// In this repository: the GitLab template for `include:`.
    public static let gitlabTemplatePath = "ci/plan-build.gitlab-ci.yml"

    /// The release the CI files install unless a variable says otherwise.
    public static var defaultVersion: String { PlanBuild.version }

    public enum Platform: Sendable {
        case github, gitlab
    }

    /// The install step's shell (POSIX sh; the runner needs curl, tar, sha256sum).
    /// Without `PLAN_BUILD_URL`: GitHub takes the release of the team's fork of
    /// plan-build under the same owner, GitLab the generic package registry of
    /// `<namespace>/plan-build`. Without `PLAN_BUILD_SHA256`: the `.sha256` file
    /// published beside the tarball. The unpacked tarball is cached by version,
    /// and reused only for the same URL and pinned checksum.
    public static func installScript(_ platform: Platform) -> String {
        let url: String
        let home: String
        let error: String
        let header: String
        let export: String
        switch platform {
        case .github:
            url = #"${PLAN_BUILD_URL:-$GITHUB_SERVER_URL/$GITHUB_REPOSITORY_OWNER/plan-build/releases/download/v$v/plan-build-$v-linux-$(uname -m).tar.gz}"#
            home = "$HOME/.cache/plan-build/$v"
            error = "::error title=plan-build::"
            // Only the team's own API gets a token; any other host gets a harmless header.
            header = "h=\"X-Plan-Build: $v\""
            export = """
                echo "$home/bin" >> "$GITHUB_PATH"
                echo "PLAN_BUILD_HOME=$home" >> "$GITHUB_ENV"
                """
        case .gitlab:
            url = #"${PLAN_BUILD_URL:-$CI_API_V4_URL/projects/$(echo "$CI_PROJECT_NAMESPACE/plan-build" | sed 's,/,%2F,g')/packages/generic/plan-build/$v/plan-build-$v-linux-$(uname -m).tar.gz}"#
            home = "$CI_PROJECT_DIR/.cache/plan-build/$v"
            error = "plan-build: "
            header = #"case "$url" in "$CI_API_V4_URL"/*) h="JOB-TOKEN: $CI_JOB_TOKEN" ;; *) h="X-Plan-Build: $v" ;; esac"#
            export = #"export PATH="$home/bin:$PATH" PLAN_BUILD_HOME="$home""#
        }
        return """
            v=${PLAN_BUILD_VERSION:-\(defaultVersion)}
            url=\(url)
            home=\(home)
            \(header)
            if [ -x "$home/bin/plan-build" ] && [ "$(cat "$home/.source" 2>/dev/null)" = "$url ${PLAN_BUILD_SHA256:-unpinned}" ]; then
              echo "plan-build $v: from the cache"
            else
              rm -rf "$home" && mkdir -p "$home"
              curl -fsSL --retry 3 -H "$h" -o "$home.tar.gz" "$url" || { echo "\(error)could not download $url"; exit 1; }
              sum=${PLAN_BUILD_SHA256:-$(curl -fsSL --retry 3 -H "$h" "$url.sha256" | cut -d' ' -f1 || true)}
              [ -n "$sum" ] || { echo "\(error)no PLAN_BUILD_SHA256 and no $url.sha256"; exit 1; }
              echo "$sum  $home.tar.gz" | sha256sum -c - || { echo "\(error)$url does not match the SHA-256 $sum"; exit 1; }
              tar -xzf "$home.tar.gz" -C "$home" --strip-components=1 && rm "$home.tar.gz"
              echo "$url ${PLAN_BUILD_SHA256:-unpinned}" > "$home/.source"
            fi
            "$home/bin/plan-build" --version
            \(export)
            """
    }

    static func indented(_ text: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }

    /// GitHub Actions: on a pull request, check only what it introduced, annotate
    /// the diff, write the summary, keep one sticky comment and upload SARIF; on
    /// main, build and deploy to Pages.
    public static var githubWorkflow: String {
        """
        name: plan

        on:
          pull_request:
          push:
            branches: [main]

        permissions:
          contents: read

        # The plan-build release every job installs (cached). To pin another, set repository
        # variables (Settings → Secrets and variables → Actions → Variables):
        #   PLAN_BUILD_VERSION  default \(defaultVersion)
        #   PLAN_BUILD_URL      default: the release of your fork of plan-build under this owner,
        #                       <server>/<owner>/plan-build/releases/download/v<version>/plan-build-<version>-linux-<arch>.tar.gz
        #   PLAN_BUILD_SHA256   default: the .sha256 file published beside the tarball; set it to trust one build only
        env:
          PLAN_BUILD_VERSION: ${{ vars.PLAN_BUILD_VERSION || '\(defaultVersion)' }}
          PLAN_BUILD_URL: ${{ vars.PLAN_BUILD_URL }}
          PLAN_BUILD_SHA256: ${{ vars.PLAN_BUILD_SHA256 }}

        jobs:
          check:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            permissions:
              contents: read
              pull-requests: write
              security-events: write
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
              - uses: actions/cache@v4
                with:
                  path: ~/.cache/plan-build
                  key: plan-build-${{ runner.os }}-${{ runner.arch }}-${{ env.PLAN_BUILD_VERSION }}-${{ env.PLAN_BUILD_SHA256 }}
              - name: Install plan-build
                run: |
        \(indented(installScript(.github), 10))
              - name: Check the plan (new problems only)
                run: plan-build check --new-since "origin/${{ github.base_ref }}" --format github --format markdown=plan-summary.md --format sarif=plan.sarif
              - name: Summary
                if: always()
                run: cat plan-summary.md >> "$GITHUB_STEP_SUMMARY"
              - name: Keep one pull request comment up to date
                if: always()
                env:
                  GITHUB_TOKEN: ${{ github.token }}
                  PLAN_BUILD_PR: ${{ github.event.pull_request.number }}
                run: '"$PLAN_BUILD_HOME/share/plan-build/sticky-comment.sh" plan-summary.md'
              - name: Upload SARIF
                if: always()
                uses: github/codeql-action/upload-sarif@v3
                with:
                  sarif_file: plan.sarif

          deploy:
            if: github.event_name == 'push'
            runs-on: ubuntu-latest
            permissions:
              contents: read
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - uses: actions/checkout@v4
              - uses: actions/cache@v4
                with:
                  path: ~/.cache/plan-build
                  key: plan-build-${{ runner.os }}-${{ runner.arch }}-${{ env.PLAN_BUILD_VERSION }}-${{ env.PLAN_BUILD_SHA256 }}
              - name: Install plan-build
                run: |
        \(indented(installScript(.github), 10))
              - name: Build the site
                run: plan-build build --output public
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
              - id: deployment
                uses: actions/deploy-pages@v4

        """
    }

    /// GitLab CI: on a merge request, a Code Quality report and one note kept up
    /// to date; on the default branch, Pages. The job image needs curl and git.
    public static var gitlab: String {
        """
        # plan-build on GitLab CI. Every job installs a pinned plan-build release (cached).
        # Override in Settings → CI/CD → Variables:
        #   PLAN_BUILD_VERSION       default \(defaultVersion)
        #   PLAN_BUILD_URL           default: the generic package registry of <namespace>/plan-build,
        #                            $CI_API_V4_URL/projects/<namespace>%2Fplan-build/packages/generic/plan-build/<version>/plan-build-<version>-linux-<arch>.tar.gz
        #   PLAN_BUILD_SHA256        default: the .sha256 file published beside the tarball; set it to trust one build only
        #   PLAN_BUILD_GITLAB_TOKEN  a project access token (api scope; masked) for the merge request note;
        #                            without it the note is skipped with a notice
        variables:
          PLAN_BUILD_VERSION: "\(defaultVersion)"
          PLAN_BUILD_URL: ""
          PLAN_BUILD_SHA256: ""

        stages:
          - check
          - deploy

        .plan-build-install:
          cache:
            key: plan-build-$PLAN_BUILD_VERSION
            paths:
              - .cache/plan-build
          before_script:
            - |
        \(indented(installScript(.gitlab), 6))

        plan-check:
          extends: .plan-build-install
          stage: check
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
          script:
            - git fetch --quiet origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" || true
            - status=0; plan-build check --new-since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format text --format gitlab=gl-code-quality-report.json --format markdown=plan-summary.md || status=$?
            - '"$PLAN_BUILD_HOME/share/plan-build/sticky-comment.sh" plan-summary.md'
            - exit $status
          artifacts:
            when: always
            reports:
              codequality: gl-code-quality-report.json

        pages:
          extends: .plan-build-install
          stage: deploy
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
          script:
            - plan-build build --output public
          artifacts:
            paths:
              - public

        """
    }
}
