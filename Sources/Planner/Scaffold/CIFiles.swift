/// The CI files `plan-build init` writes; this repository carries the same
/// two files for its own example plan (a test keeps them equal).
public enum CIFiles {
    public static let githubWorkflowPath = ".github/workflows/plan.yml"
    public static let gitlabPath = ".gitlab-ci.yml"

    /// GitHub Actions: on a pull request, check only what it introduced, annotate
    /// the diff, write the summary and upload SARIF; on main, build and deploy to Pages.
    /// The runner needs `plan-build` on PATH (a runner image or a setup step of yours).
    public static let githubWorkflow = """
        name: plan

        on:
          pull_request:
          push:
            branches: [main]

        permissions:
          contents: read

        jobs:
          check:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            permissions:
              contents: read
              security-events: write
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0
              - name: Check the plan (new problems only)
                run: plan-build check --new-since "origin/${{ github.base_ref }}" --format github --format markdown=plan-summary.md --format sarif=plan.sarif
              - name: Summary
                if: always()
                run: cat plan-summary.md >> "$GITHUB_STEP_SUMMARY"
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
              - name: Build the site
                run: plan-build build --output public
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
              - id: deployment
                uses: actions/deploy-pages@v4

        """

    /// GitLab CI: on a merge request, a Code Quality report; on the default branch, Pages.
    /// The job image needs `plan-build` on PATH.
    public static let gitlab = """
        stages:
          - check
          - deploy

        plan-check:
          stage: check
          rules:
            - if: $CI_PIPELINE_SOURCE == "merge_request_event"
          script:
            - git fetch --quiet origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" || true
            - plan-build check --new-since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format text --format gitlab=gl-code-quality-report.json
          artifacts:
            when: always
            reports:
              codequality: gl-code-quality-report.json

        pages:
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
