CREATE TABLE `plan_baselines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`version_id` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`set_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_baselines_plan` ON `plan_baselines` (`plan_id`);
--> statement-breakpoint
INSERT INTO `plan_baselines` (`plan_id`, `version_id`, `reason`, `set_at`)
SELECT `plans`.`id`, `plan_versions`.`id`, '', `plan_versions`.`imported_at`
FROM `plans` JOIN `plan_versions` ON `plan_versions`.`id` = COALESCE(`plans`.`baseline_version_id`, `plans`.`current_version_id`);
