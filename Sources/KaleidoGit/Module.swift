enum KaleidoGitModule {}
