CREATE TABLE `check_results` (
	`check_id` integer PRIMARY KEY NOT NULL,
	`repo_id` integer,
	`head_sha` text,
	`result_json` text NOT NULL,
	`evaluated_at` text NOT NULL,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`check_key` text NOT NULL,
	`kind` text NOT NULL,
	`spec_json` text NOT NULL,
	`sentence` text NOT NULL,
	`source_line` integer,
	`origin` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`edited` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `checks_task` ON `checks` (`task_id`);--> statement-breakpoint
CREATE TABLE `evidence_cache` (
	`repo_key` text NOT NULL,
	`cache_key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`repo_key`, `cache_key`)
);
--> statement-breakpoint
CREATE TABLE `phases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_version_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`title` text NOT NULL,
	`week_start` integer,
	`week_end` integer,
	FOREIGN KEY (`plan_version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phases_version_idx` ON `phases` (`plan_version_id`,`idx`);--> statement-breakpoint
CREATE TABLE `plan_repos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`repo_id` integer NOT NULL,
	`branch` text,
	`path_prefix` text,
	`auto_sync` integer DEFAULT true NOT NULL,
	`last_sync_at` text,
	`last_head_sha` text,
	`last_state` text,
	`last_message` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`repo_id`) REFERENCES `repos`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_repos_plan_repo` ON `plan_repos` (`plan_id`,`repo_id`);--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`version_no` integer NOT NULL,
	`source_name` text NOT NULL,
	`source_sha256` text NOT NULL,
	`source_bytes` blob NOT NULL,
	`parsed_json` text NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_versions_plan_no` ON `plan_versions` (`plan_id`,`version_no`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`source_name` text NOT NULL,
	`start_date` text,
	`days_per_week` integer,
	`hours_per_day` real,
	`baseline_version_id` integer,
	`current_version_id` integer,
	`last_sync_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE TABLE `repos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path` text NOT NULL,
	`name` text NOT NULL,
	`available` integer DEFAULT true NOT NULL,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repos_path_unique` ON `repos` (`path`);--> statement-breakpoint
CREATE TABLE `scope_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`task_key` text NOT NULL,
	`title` text NOT NULL,
	`hours_delta` real NOT NULL,
	`week` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scope_changes_plan` ON `scope_changes` (`plan_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `task_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`date` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `task_statuses_task` ON `task_statuses` (`task_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`phase_idx` integer,
	`estimate_hours` real,
	`estimate_derived` integer DEFAULT false NOT NULL,
	`week_start` integer,
	`week_end` integer,
	`day_start` integer,
	`day_end` integer,
	`claimed_done` integer DEFAULT false NOT NULL,
	`line` integer NOT NULL,
	`sort_order` integer NOT NULL,
	`added_in_version_id` integer NOT NULL,
	`removed_in_version_id` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_plan_key` ON `tasks` (`plan_id`,`key`);--> statement-breakpoint
CREATE INDEX `tasks_plan` ON `tasks` (`plan_id`);