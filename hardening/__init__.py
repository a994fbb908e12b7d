"""Production guards: Content-Security-Policy, request size limits, admin login throttling, error pages."""
